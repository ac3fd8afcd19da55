import { useId, type ReactNode } from 'react';
import type { FindingDto } from '@/lib/schemas/investigation';
import { FindingKindBadge } from '../analysis/FindingKindBadge';
import { fullTime } from './time-text';
import './view-parts.css';

interface DivergenceBannerProps {
  finding: FindingDto;
  /** e.g. "First divergence in this request". */
  heading: string;
  onShowEvent: () => void;
  /** Links beside "Show event" (open the entity, open the request). */
  actions?: ReactNode;
}

/**
 * A view's own first divergence as its headline, read left to right: what kind, when (aligned
 * UTC, to the millisecond), about what, then the sentence itself.
 */
export function DivergenceBanner({ finding, heading, onShowEvent, actions }: DivergenceBannerProps) {
  const id = useId();
  const subject = finding.entity ? `${finding.entity}${finding.field ? ` · ${finding.field}` : ''}` : null;
  return (
    <article className="view-divergence" aria-labelledby={id} data-first-divergence="true">
      <div className="view-divergence__head">
        <h3 id={id} className="view-divergence__title">
          {heading}
        </h3>
        <FindingKindBadge kind={finding.kind} />
        <time className="view-divergence__at mono" dateTime={new Date(finding.at).toISOString()}>
          {fullTime(finding.at)}
        </time>
        {subject ? <span className="view-divergence__subject mono">{subject}</span> : null}
        <span className="view-divergence__actions">
          {actions}
          <button type="button" className="button button--small" onClick={onShowEvent}>
            Show event
          </button>
        </span>
      </div>
      <p className="view-divergence__summary">{finding.summary}</p>
    </article>
  );
}
