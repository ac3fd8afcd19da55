/**
 * The investigation API (issue 4): what the timeline, the request view, the entity witness
 * table and the findings panel read. One contract for the routes (which build these shapes in
 * lib/domain/investigate from the analysis) and the browser (which parses every response with
 * these schemas).
 *
 * Times are milliseconds since the epoch (UTC). `at` is always aligned time (raw minus the
 * clock domain's offset, spec section 4); `ts` is always what the source wrote. Events are named
 * by their database id (`eventId`), the id the events API and the event detail route use.
 *
 *   GET /api/incidents/{id}/investigation            -> investigationDtoSchema
 *   GET /api/incidents/{id}/timeline?from&to&columns&time -> timelineSliceDtoSchema
 *   GET /api/incidents/{id}/timeline/step?event&dir&time&from&to -> timelineStepDtoSchema
 *   GET /api/incidents/{id}/requests/{key}           -> requestViewDtoSchema
 *   GET /api/incidents/{id}/entities/{entity}        -> entityViewDtoSchema
 *   GET /api/incidents/{id}/events/{eventId}         -> eventDetailDtoSchema
 *
 * Every one of them takes `?align=0` (lib/schemas/report-query.ts) to read the analysis with
 * alignment off, as the report does; indexes and keys refer to the analysis asked for.
 */
import { z } from 'zod';
import { eventDtoSchema } from './event';
import { idSchema } from './ids';
import { locatorSchema } from './locator';

export const TIME_MODES = ['aligned', 'raw'] as const;
export const timeModeSchema = z.enum(TIME_MODES);
export type TimeModeDto = z.infer<typeof timeModeSchema>;

export const DIVERGENCE_KINDS = ['conflict', 'stale_write', 'invariant', 'duplicate_effect'] as const;
export const SIGNAL_KINDS = ['http_5xx', 'span_error', 'retry', 'reordered', 'no_response'] as const;

/** A time range [from, to] in ms, from <= to. */
export const timeRangeSchema = z.tuple([z.number(), z.number()]);

/**
 * One lane of the timeline: a clock domain (spec section 4), what one service said in one
 * source. `index` is the lane's position (sources in order, then service names; lib/domain/timeline/lanes.ts).
 */
export const laneDtoSchema = z.object({
  index: z.number().int(),
  sourceId: z.string(),
  source: z.string(),
  /** The service name, or "" for records that name none. */
  service: z.string(),
  /** Subtracted from the lane's raw times to get aligned times (spec section 4). */
  offsetMs: z.number(),
  /** False when no shared request backs the offset (it is then 0 or a manual override). */
  aligned: z.boolean(),
  overridden: z.boolean(),
  constraints: z.number().int(),
  events: z.number().int(),
});
export type LaneDto = z.infer<typeof laneDtoSchema>;

/** A divergence (spec section 6 kinds 1-4) or a signal, with everything a link needs. */
export const findingDtoSchema = z.object({
  /** Position in `findings` (divergences) or `signals`, stable for one fingerprint. */
  index: z.number().int(),
  kind: z.enum([...DIVERGENCE_KINDS, ...SIGNAL_KINDS]),
  /** True for kinds 1-4. */
  divergence: z.boolean(),
  at: z.number(),
  entity: z.string().nullable(),
  field: z.string().nullable(),
  /** The request group's key (its first identifier), usable in /requests/{key}; null if none. */
  request: z.string().nullable(),
  eventId: z.number().int(),
  /** The trigger's lane. */
  lane: z.number().int(),
  evidenceIds: z.array(z.number().int()),
  summary: z.string(),
});
export type FindingDto = z.infer<typeof findingDtoSchema>;

export const entitySummaryDtoSchema = z.object({
  entity: z.string(),
  fields: z.array(z.string()),
  observations: z.number().int(),
  divergences: z.number().int(),
});
export type EntitySummaryDto = z.infer<typeof entitySummaryDtoSchema>;

/** `GET /api/incidents/{id}/investigation`: everything the investigation opens with. */
export const investigationDtoSchema = z.object({
  /** Changes whenever the analysis does: clients drop cached slices when it moves. */
  fingerprint: z.string(),
  /** Earliest and latest event time (intervals included) per mode; null with no timed events. */
  extent: z.object({ aligned: timeRangeSchema.nullable(), raw: timeRangeSchema.nullable() }),
  lanes: z.array(laneDtoSchema),
  /** Divergences in `at` order (ties as the spec breaks them). */
  findings: z.array(findingDtoSchema),
  signals: z.array(findingDtoSchema),
  /** Index into `findings`, or null. */
  firstDivergence: z.number().int().nullable(),
  /** Entities with at least one observation, most divergences first, then by name. */
  entities: z.array(entitySummaryDtoSchema),
  /** Number of request groups. */
  requests: z.number().int(),
});
export type InvestigationDto = z.infer<typeof investigationDtoSchema>;

/** `GET /timeline` query: a window in the given time mode and the pixel columns it spans. */
export const timelineQuerySchema = z
  .object({
    from: z.coerce.number().finite(),
    to: z.coerce.number().finite(),
    columns: z.coerce.number().int().min(1).max(8192).default(1000),
    time: timeModeSchema.default('aligned'),
  })
  .refine((q) => q.to > q.from, { message: 'to must be after from', path: ['to'] });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/**
 * Up to TIMELINE_EVENT_LIMIT visible events come one by one (columns of equal length); above
 * it, counts per lane and pixel column (lib/domain/timeline/binning.ts).
 */
export const TIMELINE_EVENT_LIMIT = 10_000;

export const timelineEventsDtoSchema = z.object({
  id: z.array(z.number().int()),
  lane: z.array(z.number().int()),
  /** Start (a point's time), in the slice's time mode. */
  start: z.array(z.number()),
  /** An interval's end, null for points. */
  end: z.array(z.number().nullable()),
  /** levelCode (lib/domain/timeline/columnar-events.ts): 0 none ... 6 fatal. */
  level: z.array(z.number().int()),
  /** The message (or name), cut to 160 characters: what the hover shows. */
  label: z.array(z.string()),
});
export type TimelineEventsDto = z.infer<typeof timelineEventsDtoSchema>;

export const timelineBinsDtoSchema = z.object({
  columns: z.number().int(),
  lanes: z.number().int(),
  /**
   * Row-major [lane][column]: events in that lane present in that column (an interval counts in
   * every column it covers, so with intervals the counts can add up to more than `visible`).
   */
  counts: z.array(z.number().int()),
  /** Highest levelCode per bin. */
  maxLevel: z.array(z.number().int()),
});
export type TimelineBinsDto = z.infer<typeof timelineBinsDtoSchema>;

export const timelineSliceDtoSchema = z.object({
  fingerprint: z.string(),
  time: timeModeSchema,
  from: z.number(),
  to: z.number(),
  /** Events visible in [from, to]. */
  visible: z.number().int(),
  events: timelineEventsDtoSchema.nullable(),
  bins: timelineBinsDtoSchema.nullable(),
});
export type TimelineSliceDto = z.infer<typeof timelineSliceDtoSchema>;

/** An event as the investigation views list it (the detail route gives the whole record). */
export const eventBriefDtoSchema = z.object({
  id: z.number().int(),
  lane: z.number().int(),
  source: z.string(),
  service: z.string().nullable(),
  level: z.string().nullable(),
  /** Raw time as written (interval start for intervals), null if untimed. */
  ts: z.number().nullable(),
  /** Aligned time. */
  at: z.number().nullable(),
  /** Aligned interval end, null for points. */
  endAt: z.number().nullable(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  message: z.string().nullable(),
  locator: locatorSchema,
});
export type EventBriefDto = z.infer<typeof eventBriefDtoSchema>;

export const IDENTIFIER_KINDS = ['request', 'correlation', 'trace'] as const;

/** `GET /requests/{key}`: one request group (spec section 3), any of its identifiers as key. */
export const requestViewDtoSchema = z.object({
  /** The group's key (its first identifier, as findings name it), whichever identifier was asked for. */
  key: z.string(),
  identifiers: z.array(z.object({ value: z.string(), kinds: z.array(z.enum(IDENTIFIER_KINDS)), events: z.number().int() })),
  /**
   * How the group was joined: for each identifier after the first, the first event (in aligned
   * order) that carries it together with an identifier already in the group.
   */
  joins: z.array(z.object({ identifier: z.string(), via: z.string(), eventId: z.number().int(), source: z.string() })),
  /**
   * The group's events by aligned start (`at`), the order a waterfall reads in; untimed last.
   * (The analysis orders a group by `ts`, which for a log record with a duration is its end.)
   */
  events: z.array(eventBriefDtoSchema),
  /** Lanes the group's events are on (indexes into the investigation's lanes). */
  lanes: z.array(z.number().int()),
  findings: z.array(findingDtoSchema),
  signals: z.array(findingDtoSchema),
  /** Index into `findings` of the group's own first divergence, or null. */
  firstDivergence: z.number().int().nullable(),
});
export type RequestViewDto = z.infer<typeof requestViewDtoSchema>;

/**
 * `GET /timeline/step` query: the event after (`next`) or before (`prev`) `event` in time order
 * in the given mode. Without `event`: `next` gives the first event starting at or after `from`
 * (the first of all without `from`), `prev` the last one starting before `to` (the last of all).
 */
export const timelineStepQuerySchema = z.object({
  event: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  dir: z.enum(['next', 'prev']),
  time: timeModeSchema.default('aligned'),
  from: z.coerce.number().finite().optional(),
  to: z.coerce.number().finite().optional(),
});
export type TimelineStepQuery = z.infer<typeof timelineStepQuerySchema>;

/** The event stepped to and its start in the query's mode; both null past either end (or for an untimed event). */
export const timelineStepDtoSchema = z.object({
  eventId: z.number().int().nullable(),
  start: z.number().nullable(),
});
export type TimelineStepDto = z.infer<typeof timelineStepDtoSchema>;

const stateValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One witness column of the entity table: a clock domain that observed the field. */
export const witnessDtoSchema = z.object({ lane: z.number().int(), label: z.string(), owner: z.boolean() });
export type WitnessDto = z.infer<typeof witnessDtoSchema>;

/**
 * One row per observation in aligned order; `cells[i]` is witness i's state at that moment:
 * the value it held (carried from its latest observation at or before the row), whether this row
 * is its own observation, and whether it disagrees (with the owner when there is one, else with
 * another witness's held value; a witness behind in a lifecycle's stages only once it repeats
 * its earlier stage: lib/domain/investigate/witness-table.ts). Every moment of disagreement is
 * marked, also those shorter than the profile's toleranceMs that raise no finding.
 */
export const witnessRowDtoSchema = z.object({
  at: z.number(),
  eventId: z.number().int(),
  /** Index of the observing witness in `witnesses`. */
  witness: z.number().int(),
  value: stateValueSchema,
  /** The row's own request group key, if the observing event has one. */
  request: z.string().nullable(),
  cells: z.array(z.object({ held: z.boolean(), value: stateValueSchema, observed: z.boolean(), disagrees: z.boolean() })),
});
export type WitnessRowDto = z.infer<typeof witnessRowDtoSchema>;

export const entityFieldDtoSchema = z.object({
  field: z.string(),
  witnesses: z.array(witnessDtoSchema),
  rows: z.array(witnessRowDtoSchema),
  /** Index into `rows` of the row that carries this field's first divergence, or null. */
  firstDivergenceRow: z.number().int().nullable(),
});
export type EntityFieldDto = z.infer<typeof entityFieldDtoSchema>;

/** `GET /entities/{entity}`: the witness table of one entity (`type:id`). */
export const entityViewDtoSchema = z.object({
  entity: z.string(),
  /** The profile's owner for this entity type, if any. */
  owner: z.string().nullable(),
  fields: z.array(entityFieldDtoSchema),
  findings: z.array(findingDtoSchema),
  /** Index into `findings` of the entity's own first divergence, or null. */
  firstDivergence: z.number().int().nullable(),
});
export type EntityViewDto = z.infer<typeof entityViewDtoSchema>;

/** `GET /events/{eventId}`: the whole record plus where it sits in the analysis. */
export const eventDetailDtoSchema = z.object({
  event: eventDtoSchema,
  lane: z.number().int(),
  /** Aligned time (interval start for intervals). */
  at: z.number().nullable(),
  offsetMs: z.number(),
  /** The event's request group key, or null. */
  request: z.string().nullable(),
  /** Entities this event observed (spec section 5). */
  entities: z.array(z.string()),
  /** Findings and signals this event triggered or backs, by kind and index. */
  findings: z.array(z.object({ divergence: z.boolean(), index: z.number().int() })),
});
export type EventDetailDto = z.infer<typeof eventDetailDtoSchema>;

/** Route params: the incident plus what the route names. Path segments arrive URL-decoded. */
export const requestParamsSchema = z.object({ id: idSchema, key: z.string().trim().min(1).max(500) });
export const entityParamsSchema = z.object({ id: idSchema, entity: z.string().min(1).max(1000) });
/** Event ids are the database's 32-bit integer ids. */
export const eventParamsSchema = z.object({ id: idSchema, eventId: z.coerce.number().int().positive().max(2_147_483_647) });
