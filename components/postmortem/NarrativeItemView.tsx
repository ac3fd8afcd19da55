'use client';

import { ANNOTATION_KIND_LABELS, type NarrativeItem } from '@/lib/schemas/annotation';
import { AnnotationCard } from '../annotations/AnnotationCard';
import { formatStateValue } from '../entity-view/value-format';

function clock(ms: number | null): string {
  return ms === null ? 'time unknown' : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 23)} UTC`;
}

function targetText(item: NarrativeItem): string {
  const t = item.annotation?.target;
  if (!t) return '';
  if (t.type === 'event') return `event #${t.eventId}`;
  if (t.type === 'state') return `${t.entity} ${t.field} at ${clock(t.at)}`;
  return `the window ${clock(t.from)} – ${clock(t.to)}`;
}

interface NarrativeItemViewProps {
  incidentId: string;
  item: NarrativeItem;
  readOnly: boolean;
  onChanged: () => Promise<void>;
}

/** One moment of the story: what was said (an annotation, editable) or found, and the evidence behind it. */
export function NarrativeItemView({ incidentId, item, readOnly, onChanged }: NarrativeItemViewProps) {
  const label = item.annotation ? ANNOTATION_KIND_LABELS[item.annotation.kind] : `finding: ${item.finding?.kind.replace('_', ' ')}`;
  return (
    <li className="narrative__item" data-kind={item.annotation ? 'annotation' : 'finding'} aria-label={`${label} at ${clock(item.at)}`}>
      <p className="narrative__time mono">{clock(item.at)}</p>
      {item.annotation ? (
        <ul className="annotation-list">
          <AnnotationCard incidentId={incidentId} annotation={item.annotation} targetText={targetText(item)} readOnly={readOnly} onChanged={onChanged} />
        </ul>
      ) : item.finding ? (
        <div className="annotation-card narrative__finding">
          <div className="annotation-card__head">
            <strong className="annotation-kind">{label}</strong>
            <span className="annotation-card__meta">part of the story · event #{item.finding.eventId}</span>
          </div>
          <p>{item.finding.summary}</p>
        </div>
      ) : null}
      <Evidence item={item} />
    </li>
  );
}

function Evidence({ item }: { item: NarrativeItem }) {
  const { events, witnesses } = item.evidence;
  if (events.length === 0 && !witnesses) return null;
  return (
    <div className="narrative__evidence" aria-label="Evidence">
      {events.map((e) => (
        <figure key={e.id} className="narrative__raw">
          <figcaption className="muted">
            {e.source} · event #{e.id} · {clock(e.at)}
          </figcaption>
          <pre className="md-text__code" aria-label={`Raw line of event ${e.id}`}>
            {e.raw}
          </pre>
        </figure>
      ))}
      {witnesses ? (
        <table className="narrative__witnesses">
          <caption className="muted">
            {witnesses.entity} · {witnesses.field} at {clock(witnesses.at)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Witness</th>
              <th scope="col">Held</th>
            </tr>
          </thead>
          <tbody>
            {witnesses.values.map((v, i) => (
              <tr key={i} data-disagrees={v.disagrees || undefined}>
                <th scope="row">
                  {v.label}
                  {v.owner ? <span className="badge ev-owner-badge">owner</span> : null}
                </th>
                <td className="mono">
                  {v.held ? formatStateValue(v.value) : <span className="muted">nothing yet</span>}
                  {v.disagrees ? <span aria-label="disagrees"> ≠</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
