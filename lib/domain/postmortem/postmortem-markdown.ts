/**
 * The postmortem as Markdown for a wiki page or a ticket: the team's title, summary and impact,
 * the first divergence, the narrative in aligned time with each item's evidence (raw lines in
 * code fences, witness values as a table), and the sources with their clock offsets, so a reader
 * of the exported copy knows which clocks the times are on.
 *
 * The team's text (summary, impact, annotation bodies) is Markdown already and goes in as
 * written, but for HTML tags, which are neutralized; everything that comes from evidence (raw lines, values, names) is fenced or escaped,
 * so a log line cannot turn into a heading, a link or HTML in the wiki.
 */
import type { NarrativeItem, PostmortemDocument, WitnessValue } from './document';

/** `2026-11-20 10:02:03.830 UTC`. */
export function utc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC`;
}

/** A fence longer than any run of backticks inside `text`, so the text cannot close it. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * Text from the evidence inside Markdown prose or a table cell, made inert: no emphasis, code,
 * links, HTML or table pipes anywhere, and no heading, list or quote at its start. Dots and
 * dashes inside stay as they are, so times and ids read normally in the raw Markdown too.
 */
export function escapeInline(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
  return flat.replace(/^(\s*)([#>+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * The team's own Markdown, kept as written except for HTML tags: `<script>` in an annotation
 * must not run in the wiki that renders the export. `&lt;` renders as `<` in Markdown prose.
 */
export function teamMarkdown(text: string): string {
  return text.trim().replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function witnessTable(witnesses: readonly WitnessValue[]): string {
  const rows = witnesses.map((w) => `| ${escapeInline(w.witness)}${w.owner ? ' (owner)' : ''} | ${escapeInline(w.value)} |`);
  return ['| witness | value |', '| --- | --- |', ...rows].join('\n');
}

function itemHeading(item: NarrativeItem): string {
  const when = item.at === null ? 'untimed' : utc(item.at);
  const until = item.endAt !== null && item.at !== null && item.endAt !== item.at ? ` to ${utc(item.endAt).slice(11)}` : '';
  const what = item.source === 'finding' ? `finding: ${item.kind.replace(/_/g, ' ')}` : item.kind.replace(/_/g, ' ');
  return `### ${when}${until} · ${what} · ${escapeInline(item.subject)}`;
}

function itemMarkdown(item: NarrativeItem): string {
  const parts = [itemHeading(item), ''];
  parts.push(item.source === 'finding' ? escapeInline(item.text) : teamMarkdown(item.text));
  if (item.author) parts.push('', `*${escapeInline(item.author)}*`);
  if (item.witnesses.length > 0) parts.push('', witnessTable(item.witnesses));
  for (const line of item.evidence) parts.push('', `${escapeInline(line.where)}:`, '', fenced(line.raw));
  return parts.join('\n');
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body.trim() === '' ? '_Not written yet._' : teamMarkdown(body)}`;
}

export function postmortemMarkdown(doc: PostmortemDocument): string {
  const title = doc.title.trim() || `Postmortem: ${doc.incident.name}`;
  const out = [`# ${title.replace(/\r?\n/g, ' ')}`, '', `Incident “${escapeInline(doc.incident.name)}”, exported ${doc.exportedAt}. Times are aligned UTC (each host's clock corrected by its offset, listed under Sources).`];
  out.push('', section('Summary', doc.summary), '', section('Impact', doc.impact));
  if (doc.firstDivergence) {
    const f = doc.firstDivergence;
    out.push('', '## First divergence', '', `${utc(f.at)} · ${f.kind.replace(/_/g, ' ')}: ${escapeInline(f.summary)}`);
  }
  out.push('', '## Timeline', '');
  if (doc.items.length === 0) out.push('_No annotations or story findings yet._');
  else out.push(doc.items.map(itemMarkdown).join('\n\n'));
  out.push('', '## Sources', '');
  for (const s of doc.sources) {
    out.push(`- ${escapeInline(s.name)} (${s.format ?? 'unknown format'}, ${s.events.toLocaleString('en-US')} events)${s.clocks.length > 0 ? `: ${s.clocks.map(escapeInline).join('; ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
