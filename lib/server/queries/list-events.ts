/**
 * listEvents: one page of an incident's events (ready sources, and parsing ones so far:
 * visible-sources.ts), filtered, in timeline order
 * (see ./event-cursor.ts for the order and why it is two phases), with cursor paging.
 *
 * Filters combine with AND; values within one filter with OR. `request` matches the request id,
 * the correlation id or the trace id (normalized like the parsers do: lower-case hex, 64-bit ids
 * padded to 128). `q` is a case-insensitive substring of the message, the other fields (the
 * attributes' JSON) or the raw text where it is stored; a line's raw text is not in the database
 * (lib/server/source-text.ts), but everything a line says is in its message and fields.
 */
import { normalizeTraceId } from '@/lib/domain/parse/fields/ids';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { EventPageDto } from '@/lib/schemas/event';
import { type Db, getDb } from '../db/client';
import { requireIncidentNumber } from '../db/incident-number';
import { decodeCursor, encodeCursor, type EventSortKey } from './event-cursor';
import { keyOf } from './event-order';
import { type VisibleSource, visibleSources } from './visible-sources';
import { withRawTexts } from '../source-text';
import { requestRows } from './request-rows';
import { EVENT_SELECT, type OffsetOf, type SelectedEventRow, toEventDto, withSourceIds } from './to-event-dto';

export interface ListEventsInput {
  incidentId: string;
  sourceIds?: string[];
  services?: string[];
  levels?: string[];
  request?: string;
  q?: string;
  unparsedOnly?: boolean;
  cursor?: string;
  limit: number;
  /** Clock offsets of a known analysis (lib/server/analysis/known-clock-offsets.ts): fills `at`. */
  offsets?: OffsetOf | null;
}

const ORDER: Prisma.EventOrderByWithRelationInput[] = [{ ts: 'asc' }, { position: 'asc' }, { seq: 'asc' }];

/** Rows strictly after (position, seq). */
function afterPositionSeq(key: { position: number; seq: number }): Prisma.EventWhereInput {
  return { OR: [{ position: { gt: key.position } }, { position: key.position, seq: { gt: key.seq } }] };
}

interface Page {
  rows: SelectedEventRow[];
  hasMore: boolean;
}

/** Walks the (incidentNumber, ts, position, seq) index: timed events first, then untimed ones. */
async function timelinePage(prisma: PrismaClient, filters: Prisma.EventWhereInput[], after: EventSortKey | null, limit: number): Promise<Page> {
  const want = limit + 1; // one extra row says whether there is a next page
  let rows: SelectedEventRow[] = [];
  if (after === null || after.ts !== null) {
    const timed: Prisma.EventWhereInput = after ? { OR: [{ ts: { gt: after.ts } }, { ts: after.ts, ...afterPositionSeq(after) }] } : { ts: { not: null } };
    rows = await prisma.event.findMany({ where: { AND: [...filters, timed] }, select: EVENT_SELECT, orderBy: ORDER, take: want });
  }
  if (rows.length < want) {
    const untimed: Prisma.EventWhereInput = after?.ts === null ? { ts: null, ...afterPositionSeq(after) } : { ts: null };
    const more = await prisma.event.findMany({ where: { AND: [...filters, untimed] }, select: EVENT_SELECT, orderBy: ORDER.slice(1), take: want - rows.length });
    rows = rows.concat(more);
  }
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Above this many candidate events, fetching them all stops paying (and nears bind-parameter limits). */
const MAX_REQUEST_CANDIDATES = 5000;

/** Timeline order (see ./event-cursor.ts): timed events by (ts, position, seq), then untimed ones. */
function compareKeys(a: EventSortKey, b: EventSortKey): number {
  if (a.ts === null || b.ts === null) {
    if (a.ts !== b.ts) return a.ts === null ? 1 : -1;
  } else if (a.ts !== b.ts) return a.ts - b.ts;
  return a.position - b.position || a.seq - b.seq;
}

/**
 * One request's events: the candidates come from the incident's keys in the EventKey table
 * (every requestId, correlationId and traceId value; see lib/server/db/event-keys.ts), are read
 * by primary key with the exact column test and the other filters, and are ordered and paged
 * here. The where clause deliberately names no indexed column but `id`: SQLite's planner, which
 * has no statistics, would otherwise walk the incident's or the source's index (~80 ms at 1M
 * events) instead of reading a few rows by id. Without other filters the lookup is one
 * statement on the engine's own driver instead (request-rows.ts). The visible sources are
 * applied to the fetched rows (and the incident again: a key names its event's incident).
 * Returns `tooMany` when there are too many candidates for that, or when a source is still
 * being parsed (its keys are written when it ends): the caller pages with the column filter.
 */
async function requestPage(
  db: Db,
  request: string,
  filters: Prisma.EventWhereInput[],
  incidentNumber: number,
  sources: Map<string, VisibleSource>,
  after: EventSortKey | null,
  limit: number,
): Promise<Page | { tooMany: Prisma.EventWhereInput }> {
  const traceId = normalizeTraceId(request);
  const byColumn: Prisma.EventWhereInput = { OR: [{ requestId: request }, { correlationId: request }, ...(traceId ? [{ traceId }] : [])] };
  if ([...sources.values()].some((s) => s.ingesting)) return { tooMany: byColumn };
  const keys = traceId && traceId !== request ? [request, traceId] : [request];
  // The common case, one request's events with no other filter: one statement (request-rows.ts).
  let fetched = filters.length === 0 ? await requestRows(db, incidentNumber, keys, request, traceId, MAX_REQUEST_CANDIDATES) : null;
  if (fetched !== null) {
    if (fetched.length > MAX_REQUEST_CANDIDATES) return { tooMany: byColumn };
  } else {
    const candidates = await db.prisma.eventKey.findMany({ where: { incidentNumber, key: { in: keys } }, select: { eventId: true }, take: MAX_REQUEST_CANDIDATES + 1 });
    if (candidates.length > MAX_REQUEST_CANDIDATES) return { tooMany: byColumn };
    const ids = [...new Set(candidates.map((c) => c.eventId))];
    fetched = ids.length === 0 ? [] : await db.prisma.event.findMany({ where: { AND: [{ id: { in: ids } }, byColumn, ...filters] }, select: EVENT_SELECT });
  }
  const positions = new Set([...sources.values()].map((s) => s.position));
  const rows = fetched
    .filter((row) => row.incidentNumber === incidentNumber && positions.has(row.position))
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
    .filter((row) => after === null || compareKeys(keyOf(row), after) > 0);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function listEvents(input: ListEventsInput): Promise<EventPageDto> {
  const db = await getDb();
  const { prisma, dialect } = db;
  const sources = await visibleSources(prisma, input.incidentId, input.sourceIds);
  if (sources.size === 0) return { events: [], nextCursor: null };

  // Filters on columns without an index (see requestPage for why that matters).
  const unindexed: Prisma.EventWhereInput[] = [];
  if (input.services?.length) unindexed.push({ service: { in: input.services } });
  if (input.levels?.length) unindexed.push({ level: { in: input.levels } });
  if (input.unparsedOnly) unindexed.push({ unparsed: true });
  if (input.q) unindexed.push({ OR: (['message', 'attributes', 'raw'] as const).map((column) => ({ [column]: dialect.containsInsensitive(input.q as string) })) });
  const number = await requireIncidentNumber(prisma, input.incidentId);
  const filters: Prisma.EventWhereInput[] = [{ incidentNumber: number }, { position: { in: [...sources.values()].map((s) => s.position) } }, ...unindexed];
  const after: EventSortKey | null = input.cursor ? decodeCursor(input.cursor) : null;

  let page: Page;
  if (input.request) {
    const byRequest = await requestPage(db, input.request, unindexed, number, sources, after, input.limit);
    page = 'tooMany' in byRequest ? await timelinePage(prisma, [...filters, byRequest.tooMany], after, input.limit) : byRequest;
  } else {
    page = await timelinePage(prisma, filters, after, input.limit);
  }
  const last = page.rows[page.rows.length - 1];
  const sourceIdAt = new Map([...sources].map(([id, source]) => [source.position, id]));
  return {
    events: withRawTexts(withSourceIds(page.rows, sourceIdAt)).map((row) => toEventDto(row, sources.get(row.sourceId)?.name ?? '', input.offsets ?? null)),
    nextCursor: page.hasMore && last ? encodeCursor(keyOf(last)) : null,
  };
}
