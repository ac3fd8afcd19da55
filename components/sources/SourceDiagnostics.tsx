'use client';

import { describeLocator } from '@/lib/domain/event';
import { useState } from 'react';
import { errorMessage, fetchJson } from '../api/api-client';
import { sourceSchema, type SourceDiagnostic } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; diagnostics: SourceDiagnostic[] };

/**
 * A source's first diagnostics, fetched when the user opens the list: the sources listing does
 * not carry them (it is polled every 500 ms during uploads), the single-source endpoint does.
 */
export function SourceDiagnostics({ sourceId }: { sourceId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'idle' });

  function load() {
    setState({ kind: 'loading' });
    fetchJson(apiUrls.source(sourceId), sourceSchema)
      .then((source) => setState({ kind: 'ready', diagnostics: source.diagnostics ?? [] }))
      .catch((cause: unknown) => setState({ kind: 'error', message: errorMessage(cause) }));
  }

  return (
    <details
      className="diagnostics"
      onToggle={(event) => {
        if (event.currentTarget.open && (state.kind === 'idle' || state.kind === 'error')) load();
      }}
    >
      <summary>Diagnostics</summary>
      {state.kind === 'loading' ? <p>Loading…</p> : null}
      {state.kind === 'error' ? (
        <p className="error-text">
          {state.message}{' '}
          <button type="button" className="button button--link" onClick={load}>
            Retry
          </button>
        </p>
      ) : null}
      {state.kind === 'ready' && state.diagnostics.length === 0 ? <p>No problems reported while parsing.</p> : null}
      {state.kind === 'ready' && state.diagnostics.length > 0 ? (
        <ul aria-label="Diagnostics">
          {state.diagnostics.map((d, i) => (
            <li key={i}>
              {d.locator ? <span className="mono">{describeLocator(d.locator)}: </span> : null}
              {d.message} <span className="mono">({d.code})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
