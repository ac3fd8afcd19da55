import type { ReportDomain } from '../api/report-schemas';
import { formatOffsetMs, formatOffsetRange } from '../analysis/finding-format';

/** One clock domain in words, for tooltips and the details list. */
export function describeDomain(d: ReportDomain): string {
  const backing = `${d.constraints} constraint${d.constraints === 1 ? '' : 's'}`;
  const state = d.aligned ? 'aligned' : 'unaligned: no shared request with another clock, so its times are as written';
  return `${d.service}: offset ${formatOffsetMs(d.offsetMs)} (range ${formatOffsetRange(d.offsetRangeMs)}), ${backing}, ${state}`;
}

/** `±4`: the offset's uncertainty, when the range sits symmetrically around it (the usual midpoint). */
function spread(d: ReportDomain): string | null {
  if (!d.offsetRangeMs) return null;
  const [lo, hi] = d.offsetRangeMs;
  const half = (hi - lo) / 2;
  if (Math.abs(lo + half - d.offsetMs) > 0.5) return formatOffsetRange(d.offsetRangeMs);
  return half > 0 ? `±${Math.round(half * 10) / 10}` : null;
}

function AlignTag({ domains }: { domains: readonly ReportDomain[] }) {
  const unaligned = domains.filter((d) => !d.aligned).length;
  if (unaligned > 0) {
    return <span className="clock-tag clock-tag--unaligned">{domains.length > 1 ? `${unaligned} unaligned` : 'unaligned'}</span>;
  }
  const constraints = domains.reduce((sum, d) => sum + d.constraints, 0);
  return <span className="clock-tag clock-tag--aligned">aligned · {constraints}</span>;
}

interface ClockOffsetCellProps {
  domains: readonly ReportDomain[] | null | undefined;
  /** How many of the domains have an offset set by hand (profile `offsets`). */
  overridden?: number;
}

/** A manual offset is flagged wherever the offset shows, so nobody mistakes it for an estimate. */
function OverrideTag({ count, of }: { count: number; of: number }) {
  if (count === 0) return null;
  return (
    <span className="clock-tag clock-tag--override" title="Offset set by hand in the profile, not estimated">
      {of > 1 ? `${count} override` : 'override'}
    </span>
  );
}

/**
 * A source's clock offset as the alignment estimated it (host clock minus true time), so nobody
 * reads shifted times without knowing: the offset, its uncertainty, and whether constraints back
 * it ("aligned · 71") or it stays as written ("unaligned"). Several services in one file are
 * several clocks: the cell shows their spread and the details list each one. A manual offset
 * (profile `offsets`) carries an "override" tag.
 */
export function ClockOffsetCell({ domains, overridden = 0 }: ClockOffsetCellProps) {
  if (domains === null) return <span className="muted">…</span>;
  if (!domains || domains.length === 0) return <span className="muted">—</span>;
  const title = domains.map(describeDomain).join('\n') + (overridden > 0 ? `\n${overridden} set by hand (override)` : '');
  if (domains.length === 1) {
    const d = domains[0]!;
    const plusMinus = spread(d);
    return (
      <span className="clock-cell" title={title}>
        <span className="mono">{formatOffsetMs(d.offsetMs)}</span>
        {plusMinus ? <span className="muted clock-cell__spread">{plusMinus}</span> : null}
        <AlignTag domains={domains} />
        <OverrideTag count={overridden} of={1} />
      </span>
    );
  }
  const offsets = domains.map((d) => d.offsetMs);
  return (
    <span className="clock-cell" title={title}>
      <span>{domains.length} clocks</span>
      <span className="mono">
        {formatOffsetMs(Math.min(...offsets))} … {formatOffsetMs(Math.max(...offsets))}
      </span>
      <AlignTag domains={domains} />
      <OverrideTag count={overridden} of={domains.length} />
    </span>
  );
}
