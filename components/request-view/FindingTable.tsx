import type { FindingDto } from '@/lib/schemas/investigation';
import { FindingKindBadge } from '../analysis/FindingKindBadge';
import { fullTime, timeOfDay } from './time-text';
import './view-parts.css';

interface FindingTableProps {
  /** The table's accessible name and visible caption, e.g. "Findings of request req-42". */
  label: string;
  findings: readonly FindingDto[];
  /** The row of the view's own first divergence (index into `findings`), flagged like the banner. */
  firstDivergence?: number | null;
  selectedEvent: number | null;
  onShowEvent: (finding: FindingDto) => void;
  /** Present: entity cells link to the entity view. */
  onOpenEntity?: (finding: FindingDto) => void;
  /** Present: request cells link to the request view. */
  onOpenRequest?: (finding: FindingDto) => void;
}

/**
 * A view's findings or signals, in time order, each with the way to its event and to what it
 * concerns (its entity from a request, its request from an entity): the links that let a person
 * walk from a request to the state it corrupted and back.
 */
export function FindingTable({ label, findings, firstDivergence = null, selectedEvent, onShowEvent, onOpenEntity, onOpenRequest }: FindingTableProps) {
  if (findings.length === 0) return null;
  return (
    <table className="view-findings" aria-label={label}>
      <caption className="view-findings__caption">
        {label} <span className="muted">({findings.length})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Kind</th>
          <th scope="col">Concerns</th>
          <th scope="col">Summary</th>
          <th scope="col">
            <span className="visually-hidden">Event</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding, i) => {
          const first = i === firstDivergence;
          return (
            <tr
              key={`${finding.divergence ? 'f' : 's'}${finding.index}`}
              data-first-divergence={first || undefined}
              aria-current={finding.eventId === selectedEvent ? 'true' : undefined}
              className={first ? 'view-findings__row--first' : undefined}
            >
              <td className="mono" title={fullTime(finding.at)}>
                {timeOfDay(finding.at)}
              </td>
              <td>
                <FindingKindBadge kind={finding.kind} />
              </td>
              <td className="mono view-findings__subject">
                <Subject finding={finding} onOpenEntity={onOpenEntity} onOpenRequest={onOpenRequest} />
              </td>
              <td className="view-findings__summary">
                {first ? <span className="view-first-label">First divergence</span> : null} {finding.summary}
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => onShowEvent(finding)}>
                  Show<span className="visually-hidden"> event of {finding.summary}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Subject({ finding, onOpenEntity, onOpenRequest }: Pick<FindingTableProps, 'onOpenEntity' | 'onOpenRequest'> & { finding: FindingDto }) {
  const entityText = finding.entity ? `${finding.entity}${finding.field ? ` · ${finding.field}` : ''}` : null;
  const parts = [];
  if (entityText) {
    parts.push(
      onOpenEntity ? (
        <button key="entity" type="button" className="button button--link" onClick={() => onOpenEntity(finding)}>
          {entityText}
        </button>
      ) : (
        <span key="entity">{entityText}</span>
      ),
    );
  }
  if (finding.request) {
    parts.push(
      onOpenRequest ? (
        <button key="request" type="button" className="button button--link" onClick={() => onOpenRequest(finding)} title={`Open request ${finding.request}`}>
          request {finding.request}
        </button>
      ) : entityText ? null : (
        <span key="request">request {finding.request}</span>
      ),
    );
  }
  if (parts.length === 0) return <span className="muted">—</span>;
  return <span className="view-findings__links">{parts}</span>;
}
