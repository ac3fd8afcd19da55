/**
 * The postmortem as a document (issue 5): what the Markdown export writes, built on the server
 * from the team's words (title, summary, impact), the annotations, the findings marked part of
 * the story, and the evidence behind each (raw lines, witness values). Times are aligned ms.
 */
export interface EvidenceLine {
  /** `source line 49`, `source #3`, `source span ab12`. */
  where: string;
  raw: string;
}

export interface WitnessValue {
  witness: string;
  value: string;
  owner: boolean;
}

export interface NarrativeItem {
  /** Aligned time; null when the target has none (an untimed event). */
  at: number | null;
  /** Until when, for a time range. */
  endAt: number | null;
  /** `annotation` items carry the team's words; `finding` items the analysis's. */
  source: 'annotation' | 'finding';
  /** The annotation's kind (trigger, diagnosis, ...) or the finding's kind (conflict, ...). */
  kind: string;
  /** What it is about: `order:42 · status`, `event #5311`, `10:02:00 - 10:05:00`. */
  subject: string;
  /** Markdown written by the team, or the finding's summary. */
  text: string;
  author: string | null;
  evidence: EvidenceLine[];
  witnesses: WitnessValue[];
}

export interface PostmortemSource {
  name: string;
  format: string | null;
  events: number;
  /** One text per clock domain: `cart-api +4,000 ms (aligned, 31 constraints)`. */
  clocks: string[];
}

export interface PostmortemDocument {
  incident: { id: string; name: string };
  title: string;
  summary: string;
  impact: string;
  /** When the document was made (ISO), for the reader of an exported copy. */
  exportedAt: string;
  firstDivergence: { at: number; kind: string; summary: string } | null;
  items: NarrativeItem[];
  sources: PostmortemSource[];
}
