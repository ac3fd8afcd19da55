'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, fetchJson } from '../api/api-client';
import { incidentSchema } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';
import { IndeterminateProgress } from '../ui/IndeterminateProgress';
import { useElapsedSeconds } from '../ui/useElapsedSeconds';

/**
 * "Open the demo incident": the server generates the demo's evidence files and ingests them as a
 * new incident (a few seconds), then the browser goes to it. Prominent on first run, when it is
 * the fastest way to see what Witness does; a small button once there are incidents.
 */
export function DemoIncidentButton({ prominent }: { prominent: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const elapsed = useElapsedSeconds(pending);

  async function open() {
    setPending(true);
    setError(null);
    try {
      const incident = await fetchJson(apiUrls.demo(), incidentSchema, { method: 'POST' });
      // Stays pending through navigation: the progress remains until the incident page replaces this one.
      router.push(`/incidents/${encodeURIComponent(incident.id)}`);
    } catch (cause) {
      setError(errorMessage(cause));
      setPending(false);
    }
  }

  return (
    <div className={prominent ? 'demo-action demo-action--prominent' : 'demo-action'}>
      <button
        type="button"
        className={prominent ? 'button button--primary demo-action__button' : 'button button--small'}
        onClick={open}
        disabled={pending}
        aria-describedby={error ? 'demo-error' : undefined}
      >
        {pending ? 'Opening the demo incident…' : 'Open the demo incident'}
      </button>
      {pending ? (
        <IndeterminateProgress label="Generating and ingesting the demo evidence" elapsedSeconds={elapsed} slim={!prominent} />
      ) : null}
      {error ? (
        <p id="demo-error" className="error-text" role="alert">
          Could not open the demo incident: {error}
        </p>
      ) : null}
    </div>
  );
}
