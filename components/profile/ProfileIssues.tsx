interface ProfileIssuesProps {
  id: string;
  issues: readonly string[];
  /** Where the server's answer came from, when these are its issues rather than the live check's. */
  fromServer: boolean;
  /** A syntax error's offset: offered as "Go to the error", which puts the caret there. */
  onGoTo?: (() => void) | null;
}

/**
 * The profile's problems, one per line as `path: message`, in a polite live region so a screen
 * reader hears them as the text changes without being interrupted on every keystroke.
 */
export function ProfileIssues({ id, issues, fromServer, onGoTo }: ProfileIssuesProps) {
  return (
    <div id={id} className="profile-issues" aria-live="polite">
      {issues.length === 0 ? (
        <p className="profile-issues__ok">Valid profile.</p>
      ) : (
        <>
          <p className="profile-issues__title">
            {fromServer ? 'The server refused this profile:' : issues.length === 1 ? '1 problem:' : `${issues.length} problems:`}
            {onGoTo ? (
              <>
                {' '}
                <button type="button" className="button button--link" onClick={onGoTo}>
                  Go to the error
                </button>
              </>
            ) : null}
          </p>
          <ul className="profile-issues__list">
            {issues.map((issue, i) => (
              <li key={`${i}-${issue}`} className="mono">
                {issue}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
