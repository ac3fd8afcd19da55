interface SuggestionItemProps {
  title: string;
  detail: string;
  /** Null when the profile text is not valid JSON: nothing can be merged into it yet. */
  state: 'apply' | 'applied' | 'blocked';
  onApply: () => void;
}

/** One suggestion: what it adds, where it was seen, and Apply (or why it cannot be applied). */
export function SuggestionItem({ title, detail, state, onApply }: SuggestionItemProps) {
  return (
    <li className="suggestion">
      <p className="suggestion__title mono">{title}</p>
      {state === 'applied' ? (
        <span className="suggestion__applied">In profile</span>
      ) : (
        <button
          type="button"
          className="button button--small"
          disabled={state === 'blocked'}
          title={state === 'blocked' ? 'Fix the JSON syntax first: a suggestion merges into the profile text' : undefined}
          onClick={onApply}
        >
          Apply<span className="visually-hidden"> {title}</span>
        </button>
      )}
      <p className="suggestion__detail">{detail}</p>
    </li>
  );
}
