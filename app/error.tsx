'use client';

import { ErrorState } from '@/components/ui/ErrorState';

/** Last-resort boundary for pages outside an incident (the incident list): the message and a retry. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be shown"
      message={`${error.message || 'Unexpected error'}${error.digest ? ` (reference ${error.digest})` : ''}. Retry, or check the server's log.`}
      onRetry={reset}
    />
  );
}
