import type { Finding } from '../api/report-schemas';
import { describeRef, formatAtUtc } from './finding-format';
import { FindingKindBadge } from './FindingKindBadge';

interface FirstDivergenceProps {
  finding: Finding;
  /** Opens the timeline at the trigger, selected; null while the investigation loads. */
  onGoTo: (() => void) | null;
  /** Opens the entity's witness table at the divergence; null when it concerns no entity. */
  onOpenEntity: (() => void) | null;
}

/**
 * The headline of the incident: where the evidence first stopped agreeing. Read in one pass, left
 * to right: what kind, when (UTC, to the millisecond), about what, then the sentence itself and
 * the witnesses that back it, with the way to the record that triggered it.
 */
export function FirstDivergence({ finding, onGoTo, onOpenEntity }: FirstDivergenceProps) {
  const subject = finding.entity ? `${finding.entity}${finding.field ? ` · ${finding.field}` : ''}` : null;
  return (
    <article className="divergence" aria-labelledby="first-divergence-heading">
      <div className="divergence__head">
        <h3 id="first-divergence-heading" className="divergence__title">
          First divergence
        </h3>
        <FindingKindBadge kind={finding.kind} />
        <time className="divergence__at mono" dateTime={finding.at}>
          {formatAtUtc(finding.at)}
        </time>
        {subject ? <span className="divergence__entity mono">{subject}</span> : null}
        <span className="divergence__actions">
          <button type="button" className="button button--primary button--small" disabled={!onGoTo} onClick={() => onGoTo?.()} aria-keyshortcuts="g f">
            Go to first divergence <kbd>g f</kbd>
          </button>
          {onOpenEntity ? (
            <button type="button" className="button button--small" onClick={onOpenEntity}>
              Open {finding.entity}
            </button>
          ) : null}
        </span>
      </div>
      <p className="divergence__summary">{finding.summary}</p>
      <p className="divergence__witnesses">
        <span className="muted">Triggered by</span> <span className="mono">{describeRef(finding.event)}</span>
        {finding.evidence.length > 0 ? (
          <>
            {' '}
            <span className="muted">· evidence</span>{' '}
            <span className="mono">{finding.evidence.map(describeRef).join(', ')}</span>
          </>
        ) : null}
        {finding.request ? (
          <>
            {' '}
            <span className="muted">· request</span> <span className="mono">{finding.request}</span>
          </>
        ) : null}
      </p>
    </article>
  );
}
