'use client';

import type { InvestigationView } from './investigation-url';

interface ViewTabsProps {
  active: InvestigationView;
  /** findings: null while there is no analysis (not "0", which would claim none were found). */
  counts: { findings: number | null; sources: number };
  request: string | null;
  entity: string | null;
  onSelect: (view: InvestigationView) => void;
}

const LABELS: Record<InvestigationView, string> = {
  timeline: 'Timeline',
  findings: 'Findings',
  request: 'Request',
  entity: 'Entity',
  events: 'Events',
  sources: 'Sources',
  postmortem: 'Postmortem',
};

/**
 * The investigation's views as tabs (links in spirit: each is a URL state). The request and
 * entity tabs name what they show, so a person sees where "Request" will take them.
 */
export function ViewTabs({ active, counts, request, entity, onSelect }: ViewTabsProps) {
  const detail: Partial<Record<InvestigationView, string | null>> = {
    findings: counts.findings === null ? null : String(counts.findings),
    sources: String(counts.sources),
    request,
    entity,
  };
  return (
    <nav className="view-tabs" aria-label="Investigation views">
      {(Object.keys(LABELS) as InvestigationView[]).map((view) => (
        <button
          key={view}
          type="button"
          className="view-tab"
          aria-current={view === active ? 'page' : undefined}
          onClick={() => onSelect(view)}
        >
          {LABELS[view]}
          {detail[view] ? <span className="view-tab__detail mono">{detail[view]}</span> : null}
        </button>
      ))}
    </nav>
  );
}
