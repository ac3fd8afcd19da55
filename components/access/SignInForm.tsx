'use client';

import './access.css';
import { useState, type FormEvent } from 'react';
import { sessionDtoSchema } from '@/lib/schemas/session';
import { errorMessage, fetchJson } from '../api/api-client';

/**
 * Name and the workspace password. The name becomes the author of what this person writes;
 * after signing in, a full page load to `next` (already checked to be a local path by the page)
 * so the header and every server-rendered part see the new session.
 */
export function SignInForm({ next }: { next: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim() || !password) {
      setError('Enter your name and the workspace password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await fetchJson('/api/session', sessionDtoSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: name.trim(), password }),
      });
      window.location.assign(next);
    } catch (cause) {
      setError(errorMessage(cause));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Sign in" noValidate>
      <div className="field">
        <label className="field__label" htmlFor="sign-in-name">
          Your name
        </label>
        <input id="sign-in-name" type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="name" required />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="sign-in-password">
          Workspace password
        </label>
        <input
          id="sign-in-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          aria-invalid={error !== null}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {error ? (
        <p id="sign-in-error" className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
