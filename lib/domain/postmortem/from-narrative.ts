/**
 * The postmortem narrative as the UI reads it (GET /postmortem/narrative, built by
 * lib/server/annotations/narrative.ts) -> the items the Markdown export writes. One narrative
 * for both, so an exported postmortem says exactly what the postmortem view shows.
 */
import type { NarrativeItem as NarrativeDtoItem } from '../../schemas/annotation';
import type { NarrativeItem } from './document';

function hhmmss(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function valueText(value: string | number | boolean | null): string {
  return value === null ? 'null' : String(value);
}

function subjectOf(item: NarrativeDtoItem): string {
  const target = item.annotation?.target;
  if (target?.type === 'state') return `${target.entity} · ${target.field}`;
  if (target?.type === 'range') return `${hhmmss(target.from)} to ${hhmmss(target.to)}`;
  if (target?.type === 'event') return `event #${target.eventId}`;
  const f = item.finding;
  if (f?.entity) return `${f.entity}${f.field ? ` · ${f.field}` : ''}`;
  return `event #${f?.eventId ?? '?'}`;
}

export function toDocumentItem(item: NarrativeDtoItem): NarrativeItem {
  const a = item.annotation;
  const witnesses = item.evidence.witnesses?.values.filter((w) => w.held).map((w) => ({ witness: w.label, value: valueText(w.value), owner: w.owner })) ?? [];
  return {
    at: item.at,
    endAt: a?.target.type === 'range' ? a.target.to : null,
    source: a ? 'annotation' : 'finding',
    kind: a?.kind ?? item.finding?.kind ?? 'note',
    subject: subjectOf(item),
    text: a?.body ?? item.finding?.summary ?? '',
    author: a?.author ?? null,
    evidence: item.evidence.events.map((e) => ({ where: `${e.source}, event #${e.id}`, raw: e.raw })),
    witnesses,
  };
}
