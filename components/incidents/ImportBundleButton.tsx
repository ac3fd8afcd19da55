'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { z } from 'zod';
import { errorMessage, fetchJson } from '../api/api-client';
import { incidentSchema } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';
import { IndeterminateProgress } from '../ui/IndeterminateProgress';
import { useElapsedSeconds } from '../ui/useElapsedSeconds';

const importResultSchema = z.object({
  incident: incidentSchema,
  failedSources: z.array(z.object({ name: z.string(), error: z.string() })),
  dropped: z.object({ annotations: z.number(), story: z.number() }),
});

/**
 * "Import a bundle": a `.witness.json` exported by this or another Witness becomes a new incident
 * (its sources are re-ingested, which takes as long as uploading them). When something could not
 * come across, the browser stays here and says what, instead of hiding it behind a navigation.
 */
export function ImportBundleButton() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean; href?: string } | null>(null);
  const elapsed = useElapsedSeconds(pending);

  async function importFile(file: File) {
    setPending(true);
    setMessage(null);
    try {
      const result = await fetchJson(apiUrls.importBundle(), importResultSchema, { method: 'POST', body: file, headers: { 'Content-Type': 'application/json' } });
      const href = `/incidents/${encodeURIComponent(result.incident.id)}`;
      const lost = [
        ...result.failedSources.map((s) => `${s.name}: ${s.error}`),
        ...(result.dropped.annotations > 0 ? [`${result.dropped.annotations} annotation(s) whose event did not come back`] : []),
        ...(result.dropped.story > 0 ? [`${result.dropped.story} story finding(s) whose event did not come back`] : []),
      ];
      if (lost.length === 0) {
        router.push(href);
        return;
      }
      setMessage({ text: `Imported “${result.incident.name}”, but: ${lost.join('; ')}`, error: true, href });
    } catch (cause) {
      setMessage({ text: `Could not import ${file.name}: ${errorMessage(cause)}`, error: true });
    }
    setPending(false);
  }

  return (
    <div className="import-action">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Bundle file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="button button--small" disabled={pending} onClick={() => input.current?.click()}>
        {pending ? 'Importing…' : 'Import a bundle'}
      </button>
      {pending ? <IndeterminateProgress label="Importing the bundle" elapsedSeconds={elapsed} slim /> : null}
      {message ? (
        <p className={message.error ? 'error-text' : 'muted'} role="alert">
          {message.text} {message.href ? <a href={message.href}>Open it</a> : null}
        </p>
      ) : null}
    </div>
  );
}
