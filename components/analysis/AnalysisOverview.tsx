'use client';

import './analysis.css';
import type { ReactNode } from 'react';
import { FINDING_KINDS, SIGNAL_KINDS, type Report } from '../api/report-schemas';
import { ErrorState } from '../ui/ErrorState';
import { countOf } from '../ui/format';
import { IndeterminateProgress } from '../ui/IndeterminateProgress';
import { StateMessage } from '../ui/StateMessage';
import { useElapsedSeconds } from '../ui/useElapsedSeconds';
import { countKinds, FINDING_KIND_LABELS, SIGNAL_KIND_LABELS } from './finding-format';
import { ClockSummary } from './ClockSummary';
import { FirstDivergence } from './FirstDivergence';
import type { ReportStatus } from './useReport';

interface AnalysisOverviewProps {
  report: Report | null;
  status: ReportStatus;
  error: string | null;
  tookMs: number | null;
  onRetry: () => void;
  hasSources: boolean;
  /** A source is still being uploaded or parsed: no divergence found yet means little. */
  ingesting: boolean;
  onGoToFirst: (() => void) | null;
  onOpenFirstEntity: (() => void) | null;
  /** A kind's count was clicked: the findings view, filtered to it. */
  onShowKind: (kind: string) => void;
  onShowSources: () => void;
  /** Controls at the end of the heading row (the profile panel's toggle). */
  actions?: ReactNode;
}

function KindCounts<K extends string>({ counts, labels, onShowKind }: { counts: Array<[K, number]>; labels: Record<K, string>; onShowKind: (kind: string) => void }) {
  if (counts.length === 0) return null;
  return (
    <>
      {': '}
      {counts.map(([kind, n], i) => (
        <span key={kind}>
          {i > 0 ? ', ' : null}
          <button type="button" className="button button--link" onClick={() => onShowKind(kind)}>
            {n} {labels[kind]}
          </button>
        </span>
      ))}
    </>
  );
}

/** Counts by kind, each a link to the findings view filtered to that kind. */
function Counts({ report, onShowKind }: { report: Report; onShowKind: (kind: string) => void }) {
  return (
    <p className="section-head__meta analysis__counts">
      <strong>{countOf(report.findings.length, 'finding')}</strong>
      <KindCounts counts={countKinds(report.findings, FINDING_KINDS)} labels={FINDING_KIND_LABELS} onShowKind={onShowKind} />
      {' · '}
      <strong>{countOf(report.signals.length, 'signal')}</strong>
      <KindCounts counts={countKinds(report.signals, SIGNAL_KINDS)} labels={SIGNAL_KIND_LABELS} onShowKind={onShowKind} />
    </p>
  );
}

/**
 * The incident's headline, above the evidence: the first divergence, counts of findings and
 * signals, and the analysis status. The body keeps one reserved height through loading, error
 * and result, and a recomputation runs under a slim bar over the previous result, so the page
 * below never jumps while an analysis takes its seconds.
 */
export function AnalysisOverview(props: AnalysisOverviewProps) {
  const { report, status, error, tookMs, onRetry, hasSources } = props;
  const loading = status === 'loading';
  const elapsed = useElapsedSeconds(loading);

  let body: ReactNode;
  if (!report && loading) {
    body = <IndeterminateProgress label="Analyzing the evidence" elapsedSeconds={elapsed} />;
  } else if (!report) {
    body = <ErrorState title="Could not analyze this incident" message={error ?? 'Unknown error'} onRetry={onRetry} />;
  } else if (report.firstDivergence) {
    body = <FirstDivergence finding={report.firstDivergence} onGoTo={props.onGoToFirst} onOpenEntity={report.firstDivergence.entity ? props.onOpenFirstEntity : null} />;
  } else if (!hasSources) {
    body = <StateMessage title="Nothing to analyze yet">Add evidence below: the first divergence appears here.</StateMessage>;
  } else if (props.ingesting) {
    body = (
      <StateMessage title="No divergence yet: evidence is still being ingested">
        The analysis covers the sources ingested so far and runs again when the rest is in.
      </StateMessage>
    );
  } else {
    body = (
      <StateMessage title="No divergence found">
        The witnesses agree, or the analysis profile does not map this incident’s entities yet: open the profile to add them.
      </StateMessage>
    );
  }

  return (
    <section className="analysis" aria-labelledby="analysis-heading" aria-busy={loading}>
      <div className="section-head">
        <h2 id="analysis-heading">Analysis</h2>
        {report ? <Counts report={report} onShowKind={props.onShowKind} /> : null}
        <p className="section-head__meta analysis__status" role="status">
          {loading && report ? `Re-analyzing… ${elapsed} s` : null}
          {status === 'ready' && tookMs !== null ? `analyzed in ${(tookMs / 1000).toFixed(1)} s` : null}
          {status === 'error' && report ? (
            <>
              <span className="error-text">Re-analysis failed: {error}</span>{' '}
              <button type="button" className="button button--link" onClick={onRetry}>
                Retry
              </button>
            </>
          ) : null}
        </p>
        {props.actions}
      </div>
      <div className="analysis__body">
        {loading && report ? (
          <div className="analysis__refresh">
            <IndeterminateProgress label="Re-analyzing the evidence" elapsedSeconds={elapsed} slim />
          </div>
        ) : null}
        {body}
      </div>
      {report ? <ClockSummary report={report} onShowSources={props.onShowSources} /> : null}
    </section>
  );
}
