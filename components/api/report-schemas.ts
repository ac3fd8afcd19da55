/**
 * The analysis report (spec section 7, plus `signals`) as the browser parses it from
 * `GET /api/incidents/{id}/report`. The report's shape is a TypeScript type in lib/domain/report;
 * this schema mirrors it for the boundary, and the `satisfies` checks below make tsc fail if the
 * two drift apart.
 */
import { z } from 'zod';
import type { Finding as DomainFinding, Report as DomainReport } from '@/lib/domain/report/report';

export const FINDING_KINDS = ['conflict', 'stale_write', 'invariant', 'duplicate_effect'] as const;
export const SIGNAL_KINDS = ['http_5xx', 'span_error', 'retry', 'reordered', 'no_response'] as const;

const source = z.string();
/** A reference to one event: its source and exactly one of line, index or spanId. */
export const eventRefSchema = z.union([
  z.object({ source, line: z.number().int() }),
  z.object({ source, index: z.number().int() }),
  z.object({ source, spanId: z.string() }),
]);
export type EventRef = z.infer<typeof eventRefSchema>;

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  at: z.string(),
  entity: z.string().nullable(),
  field: z.string().nullable(),
  request: z.string().nullable(),
  event: eventRefSchema,
  evidence: z.array(eventRefSchema),
  summary: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;
export type FindingKind = Finding['kind'];

export const signalSchema = z.object({
  kind: z.enum(SIGNAL_KINDS),
  at: z.string(),
  request: z.string().nullable(),
  event: eventRefSchema,
  evidence: z.array(eventRefSchema),
  summary: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;
export type SignalKind = Signal['kind'];

export const reportDomainSchema = z.object({
  service: z.string(),
  offsetMs: z.number(),
  offsetRangeMs: z.tuple([z.number(), z.number()]).nullable(),
  constraints: z.number().int(),
  aligned: z.boolean(),
});
export type ReportDomain = z.infer<typeof reportDomainSchema>;

export const reportSourceSchema = z.object({
  name: z.string(),
  format: z.string().nullable(),
  events: z.number().int(),
  unparsed: z.number().int(),
  domains: z.array(reportDomainSchema),
  error: z.string().optional(),
});

export const reportSchema = z.object({
  sources: z.array(reportSourceSchema),
  findings: z.array(findingSchema),
  firstDivergence: findingSchema.nullable(),
  signals: z.array(signalSchema).default([]),
});
export type Report = z.infer<typeof reportSchema>;

// tsc fails here when the domain's report no longer fits this schema's types (a contract drift).
export const _reportDriftCheck = (report: DomainReport, finding: DomainFinding): [Report, Finding] => [report, finding];
