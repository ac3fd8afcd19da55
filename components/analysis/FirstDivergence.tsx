import type { Finding } from '../api/report-schemas';
import { describeRef, formatAtUtc } from './finding-format';
import { FindingKindBadge } from './FindingKindBadge';

interface FirstDivergenceProps {
  finding: Finding;
  onShowEvent: (finding: Finding) => void;
}

/**
 * The headline of the incident: where the evidence first stopped agreeing. Read in one pass, left
 * to right: what kind, when (UTC, to the millisecond), about what, then the sentence itself and
 * the witnesses that back it, with the way to the record that triggered it.
 */
export function FirstDivergence({ finding, onShowEvent }: FirstDivergenceProps) {
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
        <button type="button" className="button button--primary button--small divergence__show" onClick={() => onShowEvent(finding)}>
          Show event
        </button>
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
