'use client';

import '../analysis/analysis.css';

import { Fragment, useMemo, useState } from 'react';
import { DIVERGENCE_KINDS, SIGNAL_KINDS, type FindingDto, type InvestigationDto, type TimeModeDto } from '@/lib/schemas/investigation';
import { FINDING_KIND_LABELS, SIGNAL_KIND_LABELS } from '../analysis/finding-format';
import { FindingKindBadge } from '../analysis/FindingKindBadge';
import { annotationsOnEvent, countByEvent } from '../annotations/annotation-targets';
import { AnnotationThread } from '../annotations/AnnotationThread';
import { FindingNotes } from '../annotations/FindingNotes';
import { useAnnotations } from '../annotations/useAnnotations';
import { StateMessage } from '../ui/StateMessage';
import { findingTime, listFindings, windowAround } from './finding-navigation';
import type { InvestigationState } from './investigation-url';
import type { Navigate } from './useInvestigationUrl';

interface FindingsPanelProps {
  incidentId: string;
  investigation: InvestigationDto;
  state: InvestigationState;
  navigate: Navigate;
}

/** Rows mounted at first: a long list grows on demand instead of mounting thousands of rows. */
const PAGE = 300;

const KIND_LABELS: Record<string, string> = { ...FINDING_KIND_LABELS, ...SIGNAL_KIND_LABELS };

function timeOfDay(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

/** Opens a finding in the timeline, at its trigger, with the neighbourhood around it in view. */
export function showFindingInTimeline(finding: FindingDto, investigation: InvestigationDto, mode: TimeModeDto, navigate: Navigate): void {
  const around = windowAround(findingTime(finding, investigation, mode), investigation, mode);
  navigate({ view: 'timeline', event: finding.eventId, window: around ? { from: around.startMs, to: around.endMs } : null });
}

/**
 * Every finding in time order (divergences, and signals as quieter context), filterable by kind
 * (kept in the URL: `kind=conflict&kind=retry`), each linking to the timeline, its request and
 * its entity. The row whose trigger is the selected event is marked, so `n`/`N` show where they are.
 */
export function FindingsPanel({ incidentId, investigation, state, navigate }: FindingsPanelProps) {
  const [limit, setLimit] = useState(PAGE);
  // The row whose annotations are open beneath it (one at a time keeps the table readable).
  const [notesOpen, setNotesOpen] = useState<string | null>(null);
  const { annotations } = useAnnotations(incidentId);
  const annotated = useMemo(() => countByEvent(annotations), [annotations]);
  const all = useMemo(() => listFindings(investigation, [], true), [investigation]);
  const shown = useMemo(() => listFindings(investigation, state.kinds, true), [investigation, state.kinds]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const f of all) map.set(f.kind, (map.get(f.kind) ?? 0) + 1);
    return [...DIVERGENCE_KINDS, ...SIGNAL_KINDS].flatMap((kind) => (map.has(kind) ? [[kind, map.get(kind)!] as const] : []));
  }, [all]);
  const first = investigation.firstDivergence === null ? null : investigation.findings[investigation.firstDivergence];
  // One current row: a signal about the same event as a divergence (a retry that duplicated an
  // effect) must not look selected too. listFindings puts divergences first at equal times.
  const current = state.event === null ? undefined : shown.find((f) => f.eventId === state.event);

  function toggle(kind: string) {
    const next = state.kinds.includes(kind) ? state.kinds.filter((k) => k !== kind) : [...state.kinds, kind];
    navigate({ kinds: next }, 'replace');
  }

  if (all.length === 0) {
    return (
      <StateMessage title="No findings">
        The witnesses agree, or the analysis profile does not map this incident’s entities yet: open the profile to add them.
      </StateMessage>
    );
  }

  return (
    <div className="findings-panel">
      <div className="findings__filters" role="group" aria-label="Filter findings by kind">
        <button type="button" className="chip" aria-pressed={state.kinds.length === 0} onClick={() => navigate({ kinds: [] }, 'replace')}>
          all {all.length}
        </button>
        {counts.map(([kind, n]) => (
          <button key={kind} type="button" className="chip" aria-pressed={state.kinds.includes(kind)} onClick={() => toggle(kind)}>
            {KIND_LABELS[kind] ?? kind} {n}
          </button>
        ))}
      </div>
      <div className="findings__scroll findings__scroll--panel">
        <table className="findings__table" aria-label="Findings in time order">
          <thead>
            <tr>
              <th scope="col" title="Aligned time, UTC">
                Aligned UTC
              </th>
              <th scope="col">Kind</th>
              <th scope="col">Summary</th>
              <th scope="col">Open</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((finding) => {
              const selected = finding === current;
              const isFirst = finding === first;
              const rowKey = `${finding.divergence ? 'd' : 's'}${finding.index}`;
              return (
                <Fragment key={rowKey}>
                  <tr
                    className={`findings__row${selected ? ' findings__row--selected' : ''}${finding.divergence ? '' : ' findings__row--signal'}`}
                    aria-current={selected ? 'true' : undefined}
                    data-first-divergence={isFirst ? 'true' : undefined}
                  >
                    <td className="mono" title={new Date(finding.at).toISOString()}>
                      {timeOfDay(finding.at)}
                    </td>
                    <td>
                      <FindingKindBadge kind={finding.kind} />
                      {isFirst ? <span className="badge first-badge">first</span> : null}
                    </td>
                    <td className="findings__text" title={finding.summary}>
                      {finding.summary}
                    </td>
                    <td className="findings__links">
                      <button type="button" className="button button--small" onClick={() => showFindingInTimeline(finding, investigation, state.time, navigate)}>
                        Timeline
                      </button>
                      {finding.request ? (
                        <button
                          type="button"
                          className="button button--small"
                          title={`Request ${finding.request}`}
                          onClick={() => navigate({ view: 'request', request: finding.request, event: finding.eventId })}
                        >
                          Request
                        </button>
                      ) : null}
                      {finding.entity ? (
                        <button
                          type="button"
                          className="button button--small"
                          title={`Entity ${finding.entity}`}
                          onClick={() => navigate({ view: 'entity', entity: finding.entity, field: finding.field, event: finding.eventId })}
                        >
                          Entity
                        </button>
                      ) : null}
                    </td>
                    <td className="findings__links">
                      <FindingNotes
                        incidentId={incidentId}
                        finding={finding}
                        count={annotated.get(finding.eventId) ?? 0}
                        open={notesOpen === rowKey}
                        onToggleOpen={() => setNotesOpen((k) => (k === rowKey ? null : rowKey))}
                      />
                    </td>
                  </tr>
                  {notesOpen === rowKey ? (
                    <tr className="findings__notes-row">
                      <td colSpan={5}>
                        <AnnotationThread
                          incidentId={incidentId}
                          annotations={annotationsOnEvent(annotations, finding.eventId)}
                          target={{ type: 'event', eventId: finding.eventId }}
                          targetText={`the event behind this ${KIND_LABELS[finding.kind] ?? finding.kind} (#${finding.eventId})`}
                          annotateLabel="Annotate this finding’s event"
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {shown.length > limit ? (
          <button type="button" className="button findings__more" onClick={() => setLimit((n) => n + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
          </button>
        ) : null}
        {shown.length === 0 ? <p className="muted">No findings of the chosen kinds.</p> : null}
      </div>
    </div>
  );
}
