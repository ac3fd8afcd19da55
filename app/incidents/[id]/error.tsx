'use client';

import { ErrorState } from '@/components/ui/ErrorState';

/** Last-resort boundary: a render error in the incident view, with a way to try again. */
export default function IncidentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="The incident view crashed"
      message={`${error.message || 'Unexpected error'}${error.digest ? ` (reference ${error.digest})` : ''}. Retry, or reload the page.`}
      onRetry={reset}
    />
  );
}
