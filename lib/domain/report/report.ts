/**
 * The JSON report (spec section 7): the same document from the command line and from
 * `GET /api/incidents/{id}/report`.
 *
 * Built from each source's outcome (format, counts, or the error that kept it out) and, when
 * the evidence was analyzed, the analysis: clock domains per source, findings sorted by `at`,
 * the first divergence, and (an addition to the spec's shape) the non-divergence signals.
 * Event references name the source and exactly one of line, index or spanId.
 */
import type { AnalysisResult } from '../analysis/analyze';
import type { AnalysisInput } from '../analysis/input';
import type { DivergenceFinding, DivergenceKind, SignalFinding, SignalKind } from '../analysis/results';
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

export type FindingKind = DivergenceKind;

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

export interface ReportSignal {
  kind: SignalKind;
  at: string;
  request: string | null;
  event: EventRef;
  evidence: EventRef[];
  summary: string;
}

export interface Report {
  sources: ReportSource[];
  findings: Finding[];
  firstDivergence: Finding | null;
  signals: ReportSignal[];
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

/** `at` in the report: ISO 8601 UTC with milliseconds. */
export function isoAt(ms: number): string {
  return toIso(ms);
}

class ReportWriter {
  constructor(
    private readonly input: AnalysisInput,
    private readonly analysis: AnalysisResult,
  ) {}

  ref(event: number): EventRef {
    const { events } = this.input;
    return eventRef(this.input.sources[events.source[event]!]!.name, events.locatorAt(event));
  }

  request(group: number): string | null {
    return group >= 0 ? (this.analysis.groups.identifiers[group]?.[0] ?? null) : null;
  }

  finding(f: DivergenceFinding): Finding {
    return {
      kind: f.kind,
      at: isoAt(f.at),
      entity: f.entity,
      field: f.field,
      request: this.request(f.request),
      event: this.ref(f.event),
      evidence: f.evidence.map((e) => this.ref(e)),
      summary: f.summary,
    };
  }

  signal(s: SignalFinding): ReportSignal {
    return { kind: s.kind, at: isoAt(s.at), request: this.request(s.request), event: this.ref(s.event), evidence: s.evidence.map((e) => this.ref(e)), summary: s.summary };
  }

  domains(source: number): ReportDomain[] {
    return this.analysis.alignment.domains
      .filter((d) => d.source === source)
      .map((d) => ({ service: d.service, offsetMs: d.offsetMs, offsetRangeMs: d.offsetRangeMs, constraints: d.constraints, aligned: d.aligned }));
  }
}

/** Without an analysis every service is its own domain at offset 0, unaligned. */
function unalignedDomains(outcome: SourceOutcome): ReportDomain[] {
  return outcome.totals.services.map((service) => ({ service, offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false }));
}

function reportSource(o: SourceOutcome, domains: ReportDomain[]): ReportSource {
  return {
    name: o.name,
    format: o.format,
    events: o.totals.events,
    unparsed: o.totals.unparsed,
    domains,
    ...(o.error !== undefined ? { error: o.error } : {}),
  };
}

/**
 * `outcomes[i]` describes `input.sources[i]`. Pass the input and its analysis to fill domains,
 * findings and signals; without them the report lists the sources only.
 */
export function buildReport(outcomes: SourceOutcome[], analyzed?: { input: AnalysisInput; analysis: AnalysisResult }): Report {
  if (!analyzed) {
    return { sources: outcomes.map((o) => reportSource(o, unalignedDomains(o))), findings: [], firstDivergence: null, signals: [] };
  }
  const { analysis } = analyzed;
  const writer = new ReportWriter(analyzed.input, analysis);
  return {
    sources: outcomes.map((o, i) => reportSource(o, writer.domains(i))),
    findings: analysis.divergences.map((f) => writer.finding(f)),
    firstDivergence: analysis.firstDivergence ? writer.finding(analysis.firstDivergence) : null,
    signals: analysis.signals.map((s) => writer.signal(s)),
  };
}
