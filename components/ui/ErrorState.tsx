import { StateMessage } from './StateMessage';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** An API failure: the server's message and a retry button, never a blank panel. */
export function ErrorState({ title = 'Something went wrong', message, onRetry }: ErrorStateProps) {
  return (
    <StateMessage
      tone="error"
      title={title}
      action={
        onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null
      }
    >
      {message}
    </StateMessage>
  );
}
