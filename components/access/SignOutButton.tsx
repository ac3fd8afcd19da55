'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, fetchJson } from '../api/api-client';
import { sessionDtoSchema } from '@/lib/schemas/session';

/** Ends the session (DELETE /api/session) and goes to the sign-in page, re-rendering the server parts (the header). */
export function SignOutButton() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function signOut() {
    try {
      await fetchJson('/api/session', sessionDtoSchema, { method: 'DELETE' });
      router.replace('/sign-in');
      router.refresh();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }
  return (
    <>
      <button type="button" className="button button--small" onClick={signOut}>
        Sign out
      </button>
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
