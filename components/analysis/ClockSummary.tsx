import type { Report } from '../api/report-schemas';
import { countOf } from '../ui/format';
import { formatOffsetMs } from './finding-format';

/**
 * The clocks in one line: how many domains, how many the shared requests aligned (and how far
 * the offsets reach), how many are unaligned. The sources tab lists each one.
 */
export function ClockSummary({ report, onShowSources }: { report: Report; onShowSources: () => void }) {
  const domains = report.sources.flatMap((s) => s.domains);
  if (domains.length === 0) return null;
  const aligned = domains.filter((d) => d.aligned);
  const offsets = aligned.map((d) => d.offsetMs);
  const unaligned = domains.length - aligned.length;
  return (
    <p className="clock-summary">
      <span className="muted">Clocks:</span> {countOf(domains.length, 'clock domain')}
      {aligned.length > 0 ? (
        <>
          , <strong>{aligned.length} aligned</strong> (offsets {formatOffsetMs(Math.min(...offsets))} to {formatOffsetMs(Math.max(...offsets))})
        </>
      ) : null}
      {unaligned > 0 ? <span className="section-head__warn">, {unaligned} unaligned (read as written)</span> : null}
      {' · '}
      <button type="button" className="button button--link" onClick={onShowSources}>
        offsets per source
      </button>
    </p>
  );
}
