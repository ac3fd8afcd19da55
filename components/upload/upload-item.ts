/** The client-side record of one file the user dropped, from queued to done or failed. */
import type { Source } from '../api/api-schemas';

export type UploadPhase = 'queued' | 'uploading' | 'parsing' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  phase: UploadPhase;
  sentBytes: number;
  /** Known once the server answers; until then the source is matched from the polled list. */
  sourceId: string | null;
  /** Source ids that existed when this upload started: a new source with this name is ours. */
  knownSourceIds: ReadonlySet<string>;
  error: string | null;
  /** The final source as the upload response returned it. */
  result: Source | null;
}

export function isUploadActive(item: UploadItem): boolean {
  return item.phase === 'queued' || item.phase === 'uploading' || item.phase === 'parsing';
}

/** The server-side source this upload created, if the polled list already shows it. */
export function matchSource(item: UploadItem, sources: readonly Source[]): Source | null {
  if (item.sourceId) return sources.find((s) => s.id === item.sourceId) ?? item.result;
  const candidates = sources.filter((s) => s.name === item.name && !item.knownSourceIds.has(s.id));
  // The newest one wins if the same file name was dropped twice in a row.
  return candidates.reduce<Source | null>((best, s) => (best === null || s.position > best.position ? s : best), null);
}
