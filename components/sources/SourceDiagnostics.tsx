'use client';

import { useEffect, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { sourceSchema, type SourceDiagnostic } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; diagnostics: SourceDiagnostic[] };

/**
 * A source's first diagnostics, fetched when its row is expanded (this mounts then): the sources
 * listing does not carry them (it is polled every 500 ms during uploads), the single-source
 * endpoint does.
 */
export function SourceDiagnostics({ sourceId }: { sourceId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.source(sourceId), sourceSchema, { signal: controller.signal })
      .then((source) => setState({ kind: 'ready', diagnostics: source.diagnostics ?? [] }))
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setState({ kind: 'error', message: errorMessage(cause) });
      });
    return () => controller.abort();
  }, [sourceId, attempt]);

  if (state.kind === 'loading') return <p className="muted">Loading diagnostics…</p>;
  if (state.kind === 'error') {
    return (
      <p className="error-text">
        Could not load the diagnostics: {state.message}{' '}
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          Retry
        </button>
      </p>
    );
  }
  if (state.diagnostics.length === 0) return <p className="muted">No problems reported while parsing.</p>;
  return (
    <ul className="source-details__list" aria-label="Diagnostics">
      {state.diagnostics.map((d, i) => (
        <li key={i}>
          {/* Parsers open every located message with its locator ("line 12: ..."), so it is not repeated here. */}
          {d.message} <span className="mono muted">({d.code})</span>
        </li>
      ))}
    </ul>
  );
}
