'use client';

import { useCallback, useRef, useState } from 'react';
import { failedUploadSchema, sourceSchema } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';
import { uploadErrorMessage, uploadFile, type UploadOptions } from './upload-file';
import type { UploadItem } from './upload-item';

/**
 * Queues dropped files and uploads them one at a time, in the order given: the server numbers
 * sources in arrival order and that order breaks ties on the timeline (spec section 4), so
 * parallel uploads would make the order depend on network luck.
 */
export function useUploads(incidentId: string, knownSourceIds: () => ReadonlySet<string>, onSettled: () => void) {
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setUploads((items) => items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const run = useCallback(
    async (key: string, file: File, options: UploadOptions) => {
      patch(key, { phase: 'uploading', knownSourceIds: new Set(knownSourceIds()) });
      const handle = uploadFile(
        apiUrls.sources(incidentId),
        file,
        {
          onProgress: (sent) => patch(key, { sentBytes: Math.min(sent, file.size) }),
          onSent: () => patch(key, { phase: 'parsing', sentBytes: file.size }),
        },
        options,
      );
      try {
        const outcome = await handle.done;
        if (outcome.status >= 200 && outcome.status < 300) {
          const parsed = sourceSchema.safeParse(outcome.body);
          const source = parsed.success ? parsed.data : null;
          if (source?.status === 'failed') {
            patch(key, { phase: 'failed', error: source.error ?? 'Parsing failed.', sourceId: source.id, result: source });
          } else {
            patch(key, { phase: 'done', sourceId: source?.id ?? null, result: source, sentBytes: file.size });
          }
        } else {
          const failed = failedUploadSchema.safeParse(outcome.body);
          const source = failed.success ? (failed.data.source ?? null) : null;
          patch(key, {
            phase: 'failed',
            error: source?.error ?? uploadErrorMessage(outcome),
            sourceId: source?.id ?? null,
            result: source,
          });
        }
      } catch (cause) {
        patch(key, { phase: 'failed', error: cause instanceof Error ? cause.message : String(cause) });
      } finally {
        onSettled();
      }
    },
    [incidentId, knownSourceIds, onSettled, patch],
  );

  const addFiles = useCallback(
    /** Redaction is chosen when files are added: a queued file keeps the choice made for it. */
    (files: readonly File[], options: UploadOptions = { redact: true }) => {
      const added = files.map((file) => {
        counter.current += 1;
        const item: UploadItem = {
          key: `upload-${counter.current}`,
          name: file.name,
          size: file.size,
          phase: 'queued',
          sentBytes: 0,
          sourceId: null,
          knownSourceIds: new Set(),
          error: null,
          result: null,
        };
        return { item, file };
      });
      setUploads((items) => [...items, ...added.map((a) => a.item)]);
      for (const { item, file } of added) {
        queue.current = queue.current.then(() => run(item.key, file, options));
      }
    },
    [run],
  );

  const dismissFinished = useCallback(() => {
    setUploads((items) => items.filter((item) => item.phase !== 'done'));
  }, []);

  return { uploads, addFiles, dismissFinished };
}
