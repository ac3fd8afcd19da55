/**
 * What the analysis (spec sections 3-6) reads: the events of an incident in the order their
 * sources were given, without their raw text (raw is for people; the analysis never needs it,
 * and leaving it out halves the memory of a million events).
 *
 * Invariants: `sources[i].position === i`; `events` are grouped by source in source order and,
 * within a source, in record order (`seq` ascending). Index positions in `events` are the
 * event ids every analysis result refers to ("event index").
 */
import type { EvidenceEvent } from '../event';
import type { FormatId } from '../parse/formats';
import type { EventTable } from './event-table';

export interface AnalysisSource {
  name: string;
  format: FormatId | null;
}

export type AnalysisEvent = Omit<EvidenceEvent, 'raw'> & {
  /** Index into AnalysisInput.sources. */
  source: number;
  /** Position of the record within its source (0-based). */
  seq: number;
};

export interface AnalysisInput {
  sources: AnalysisSource[];
  /** As columns (event-table.ts); `events.at(i)` is event i as an AnalysisEvent. */
  events: EventTable;
}

/** A clock domain (spec section 4): what one service said in one source. */
export interface DomainKey {
  source: number;
  service: string;
}

export function domainKeyString(source: number, service: string): string {
  return `${source}\u0000${service}`;
}
