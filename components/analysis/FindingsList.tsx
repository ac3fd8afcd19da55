'use client';

import { useState } from 'react';
import { FINDING_KINDS, type Finding, type FindingKind } from '../api/report-schemas';
import { countKinds, describeRef, FINDING_KIND_LABELS, formatAtUtc, formatTimeOfDay } from './finding-format';
import { FindingKindBadge } from './FindingKindBadge';

interface FindingsListProps {
  findings: readonly Finding[];
  onShowEvent: (finding: Finding) => void;
}

/**
 * Every divergence finding in time order, behind a disclosure so the first divergence stays the
 * headline. Kind filters are toggle buttons (aria-pressed); each row's "Show" button is a tab stop,
 * so the list works from the keyboard alone. The full investigation view comes later.
 */
export function FindingsList({ findings, onShowEvent }: FindingsListProps) {
  const [kinds, setKinds] = useState<ReadonlySet<FindingKind>>(() => new Set());
  const counts = countKinds(findings, FINDING_KINDS);
  const shown = kinds.size === 0 ? findings : findings.filter((f) => kinds.has(f.kind));

  function toggle(kind: FindingKind) {
    setKinds((current) => {
      const next = new Set(current);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  }

  return (
    <details className="findings">
      <summary className="findings__summary">All findings ({findings.length})</summary>
      <div className="findings__filters" role="group" aria-label="Filter findings by kind">
        <button type="button" className="chip" aria-pressed={kinds.size === 0} onClick={() => setKinds(new Set())}>
          all {findings.length}
        </button>
        {counts.map(([kind, n]) => (
          <button key={kind} type="button" className="chip" aria-pressed={kinds.has(kind)} onClick={() => toggle(kind)}>
            {FINDING_KIND_LABELS[kind]} {n}
          </button>
        ))}
      </div>
      <div className="findings__scroll">
        <table className="findings__table" aria-label="Findings">
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Kind</th>
              <th scope="col">Entity or request</th>
              <th scope="col">Summary</th>
              <th scope="col">
                <span className="visually-hidden">Event</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((finding, i) => (
              <tr key={`${finding.at}-${describeRef(finding.event)}-${finding.kind}-${i}`}>
                <td className="mono" title={formatAtUtc(finding.at)}>
                  {formatTimeOfDay(finding.at)}
                </td>
                <td>
                  <FindingKindBadge kind={finding.kind} />
                </td>
                <td className="mono findings__subject" title={finding.entity ?? finding.request ?? undefined}>
                  {finding.entity ? `${finding.entity}${finding.field ? ` · ${finding.field}` : ''}` : (finding.request ?? '—')}
                </td>
                <td className="findings__text" title={finding.summary}>
                  {finding.summary}
                </td>
                <td>
                  <button type="button" className="button button--small" onClick={() => onShowEvent(finding)}>
                    Show<span className="visually-hidden"> event {describeRef(finding.event)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
