/**
 * The evidence overview at the API boundary: `GET /api/incidents/{id}/overview?columns=N`, the
 * incident's events per time column in raw (as written) time, over the visible sources (ready,
 * and those still being parsed, so far). It needs no analysis: the first view of a big upload
 * shows it while ingest continues (lib/server/queries/get-evidence-overview.ts).
 */
import { z } from 'zod';

export const DEFAULT_OVERVIEW_COLUMNS = 240;

export const evidenceOverviewQuerySchema = z.object({
  columns: z.coerce.number().int().min(1).max(4096).default(DEFAULT_OVERVIEW_COLUMNS),
});

export const evidenceOverviewDtoSchema = z.object({
  /** Start of the first column and end of the last (ms since the epoch); null when no event has a time. */
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** Events (with a time) per column, and of those at level error or fatal. */
  counts: z.array(z.number().int().nonnegative()),
  errors: z.array(z.number().int().nonnegative()),
  /** Events with a time counted here. */
  timedEvents: z.number().int().nonnegative(),
  /** Sources still being parsed: the overview grows while this is above 0. */
  ingesting: z.number().int().nonnegative(),
});

export type EvidenceOverviewDto = z.infer<typeof evidenceOverviewDtoSchema>;
