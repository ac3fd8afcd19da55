'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { errorMessage, fetchJson } from '../api/api-client';
import { incidentSchema } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';

/** Name an incident, create it, and go straight to it: the next thing the user does is drop files. */
export function CreateIncidentForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the incident a name, e.g. "checkout 500s 2024-05-01".');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const incident = await fetchJson(apiUrls.incidents(), incidentSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: trimmed }),
      });
      router.push(`/incidents/${encodeURIComponent(incident.id)}`);
    } catch (cause) {
      setError(errorMessage(cause));
      setPending(false);
    }
  }

  return (
    <form className="create-form" onSubmit={onSubmit} aria-label="Create incident" noValidate>
      <div className="field">
        <label className="field__label" htmlFor="incident-name">
          Incident name
        </label>
        <input
          id="incident-name"
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="checkout 500s, 02:10 UTC"
          maxLength={200}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? 'incident-name-error' : undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create incident'}
      </button>
      {error ? (
        <p id="incident-name-error" className="error-text" role="alert" style={{ flexBasis: '100%', margin: 0 }}>
          {error}
        </p>
      ) : null}
    </form>
  );
}
