/**
 * The raw text of stored events that point into their source's text (rawOffset/rawLength,
 * written by lib/server/ingest/evidence-rows.ts) instead of holding a copy: read from the file
 * that holds that text (blob-store.ts). Only a page of events is ever read this way, so a few
 * positioned reads per source answer it. The reads are synchronous on purpose: a page's text is
 * a few kilobytes from the page cache (p50 0.05 ms for a request's events at 1M stored), where
 * the promise API's thread-pool round trips took p50 0.38 ms and p95 4 ms.
 *
 * The file is looked for in the order a parse settles it: the text of a parse still running
 * (`.parsed`), then a kept `.text`, then the blob itself, then the upload a running parse is
 * redacting (its events so far point into bytes that redaction left as they were: see
 * blob-store.ts); each rename in settleParsedText leaves one of them holding the same bytes, so
 * a read racing the end of a parse still finds its text.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { blobPath, parsedTextPath, pendingBlobPath, sourceTextPath } from './blob-store';

export interface RawTextRef {
  sourceId: string;
  raw: string | null;
  /** bigint through Prisma, a string through pg, a number through better-sqlite3. */
  rawOffset: bigint | number | string | null;
  rawLength: number | null;
}

export type WithRawText<T extends RawTextRef> = T & { raw: string };

/** Stands in for a text whose file is gone (a blob store not shared by every instance, say). */
export function missingText(sourceId: string): string {
  return `[the text of this record is not readable: the stored text of source ${sourceId} is missing]`;
}

/** Ranges closer than this are read together: one read instead of many for a page of lines. */
const READ_GAP = 64 * 1024;
/** ...as long as one read stays this small. */
const READ_SPAN = 4 * 1024 * 1024;

function openSourceText(sourceId: string): number | null {
  for (const file of [parsedTextPath(sourceId), sourceTextPath(sourceId), blobPath(sourceId), pendingBlobPath(sourceId)]) {
    try {
      return openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return null;
}

interface Wanted {
  row: RawTextRef;
  offset: number;
  length: number;
}

function readRuns(fd: number, wanted: Wanted[]): void {
  wanted.sort((a, b) => a.offset - b.offset);
  for (let first = 0; first < wanted.length; ) {
    const start = (wanted[first] as Wanted).offset;
    let end = start + (wanted[first] as Wanted).length;
    let last = first + 1;
    for (; last < wanted.length; last++) {
      const next = wanted[last] as Wanted;
      const nextEnd = Math.max(end, next.offset + next.length);
      if (next.offset - end > READ_GAP || nextEnd - start > READ_SPAN) break;
      end = nextEnd;
    }
    const buffer = Buffer.allocUnsafe(end - start);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, start);
    for (let i = first; i < last; i++) {
      const { row, offset, length } = wanted[i] as Wanted;
      const from = offset - start;
      row.raw = from + length <= bytesRead ? buffer.toString('utf8', from, from + length) : missingText(row.sourceId);
    }
    first = last;
  }
}

/** Gives every row its raw text, reading those that point into their source's text. */
export function withRawTexts<T extends RawTextRef>(rows: T[]): WithRawText<T>[] {
  const bySource = new Map<string, Wanted[]>();
  for (const row of rows) {
    if (row.raw !== null) continue;
    if (row.rawOffset === null || row.rawLength === null) {
      row.raw = missingText(row.sourceId);
      continue;
    }
    const wanted = bySource.get(row.sourceId) ?? [];
    wanted.push({ row, offset: Number(row.rawOffset), length: row.rawLength });
    bySource.set(row.sourceId, wanted);
  }
  for (const [sourceId, wanted] of bySource) {
    const fd = openSourceText(sourceId);
    if (fd === null) {
      for (const { row } of wanted) row.raw = missingText(sourceId);
      continue;
    }
    try {
      readRuns(fd, wanted);
    } finally {
      closeSync(fd);
    }
  }
  return rows as WithRawText<T>[];
}
