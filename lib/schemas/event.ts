/** Events at the API boundary: the listing query (filters, cursor, limit) and the response shape. */
import { z } from 'zod';
import { idSchema } from './ids';
import { locatorSchema } from './locator';

export const MAX_EVENTS_LIMIT = 1000;
export const DEFAULT_EVENTS_LIMIT = 200;

/**
 * A filter that may be given as repeated parameters (`?service=a&service=b`) or comma-separated
 * (`?service=a,b`); empty values are dropped.
 */
const manyValues = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''));

const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

export const listEventsQuerySchema = z.object({
  source: manyValues.pipe(z.array(idSchema)).optional(),
  service: manyValues.optional(),
  level: manyValues.optional(),
  /** A request id, correlation id or trace id (spec section 3). */
  request: z.string().trim().min(1).max(200).optional(),
  /** Substring of the message, the other fields or a stored raw text (lib/server/queries/list-events.ts). */
  q: z.string().min(1).max(200).optional(),
  unparsed: flag.optional(),
  cursor: z.string().min(1).max(400).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_LIMIT).default(DEFAULT_EVENTS_LIMIT),
});
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

export const eventIdsDtoSchema = z.object({
  requestId: z.string().nullable(),
  correlationId: z.string().nullable(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  parentSpanId: z.string().nullable(),
  sessionId: z.string().nullable(),
});

export const eventDtoSchema = z.object({
  id: z.number().int(),
  sourceId: z.string(),
  /** The source's name. */
  source: z.string(),
  seq: z.number().int(),
  locator: locatorSchema,
  ts: z.number().nullable(),
  /** `ts` as ISO 8601 UTC with milliseconds. */
  time: z.string().nullable(),
  /**
   * `ts` in aligned time (ts minus the clock offset of the event's domain, spec section 4), once
   * an analysis of the incident's current evidence is known (computed by the report or the
   * investigation views); null before that, and for events without a time.
   */
  at: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  service: z.string().nullable(),
  level: z.string().nullable(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  message: z.string().nullable(),
  ids: eventIdsDtoSchema,
  attributes: z.record(z.string(), z.unknown()),
  raw: z.string(),
  unparsed: z.boolean(),
});
export type EventDto = z.infer<typeof eventDtoSchema>;

export const eventPageDtoSchema = z.object({
  events: z.array(eventDtoSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type EventPageDto = z.infer<typeof eventPageDtoSchema>;

export const eventFacetsDtoSchema = z.object({
  services: z.array(z.string()),
  levels: z.array(z.string()),
});
export type EventFacetsDto = z.infer<typeof eventFacetsDtoSchema>;
