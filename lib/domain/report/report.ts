/**
 * The JSON report (spec section 7): the same document from the command line and from
 * `GET /api/incidents/{id}/report`.
 *
 * Until clock alignment lands (the analysis issue), every service of a source is one clock
 * domain with offset 0, not aligned, backed by no constraints; findings are empty.
 */
import type { Locator } from '../event';
import type { SourceTotals } from '../ingest/source-summary';
import type { FormatId } from '../parse/formats';
import { toIso } from '../parse/fields/timestamp';

export interface ReportDomain {
  service: string;
  offsetMs: number;
  offsetRangeMs: [number, number] | null;
  constraints: number;
  aligned: boolean;
}

export interface ReportSource {
  name: string;
  format: FormatId | null;
  events: number;
  unparsed: number;
  domains: ReportDomain[];
  /** Present only when the source could not be ingested (undetectable format, unusable input). */
  error?: string;
}

/** A reference to one event: its source and exactly one of line, index or spanId. */
export type EventRef = { source: string } & ({ line: number } | { index: number } | { spanId: string });

export type FindingKind = 'conflict' | 'stale_write' | 'invariant' | 'duplicate_effect';

export interface Finding {
  kind: FindingKind;
  at: string;
  entity: string | null;
  field: string | null;
  request: string | null;
  event: EventRef;
  evidence: EventRef[];
  summary: string;
}

export interface Report {
  sources: ReportSource[];
  findings: Finding[];
  firstDivergence: Finding | null;
}

export interface SourceOutcome {
  name: string;
  format: FormatId | null;
  totals: SourceTotals;
  error?: string;
}

export function eventRef(source: string, locator: Locator): EventRef {
  return { source, ...locator };
}

export function isoAt(ms: number): string {
  return toIso(ms);
}

/** Services whose events all failed to parse still need a domain: the source name stands in. */
function domainsOf(outcome: SourceOutcome): ReportDomain[] {
  const services = outcome.totals.services.length > 0 ? outcome.totals.services : outcome.totals.events > 0 ? [outcome.name] : [];
  return services.map((service) => ({ service, offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false }));
}

export function buildReport(outcomes: SourceOutcome[], findings: Finding[] = []): Report {
  const sorted = [...findings].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    sources: outcomes.map((o) => ({
      name: o.name,
      format: o.format,
      events: o.totals.events,
      unparsed: o.totals.unparsed,
      domains: domainsOf(o),
      ...(o.error !== undefined ? { error: o.error } : {}),
    })),
    findings: sorted,
    firstDivergence: sorted[0] ?? null,
  };
}
