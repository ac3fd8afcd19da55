'use client';

import './evidence-overview.css';
import { evidenceOverviewDtoSchema } from '@/lib/schemas/evidence-overview';
import { apiUrls } from '../api/api-urls';
import { useApiResource } from '../api/useApiResource';
import { countOf, formatTimeRange } from '../ui/format';

const COLUMNS = 240;

interface EvidenceOverviewProps {
  incidentId: string;
  /** Changes as evidence arrives (the sources' event counts): the overview is fetched again. */
  version: string;
}

/** A bar's height in the 100-unit viewBox: never under 4, so a single event stays visible. */
const barHeight = (value: number, max: number) => Math.max(4, (value / max) * 100);

/** Bars for `values` scaled to the largest, in a viewBox one unit per column. */
function Bars({ values, className }: { values: readonly number[]; className: string }) {
  const max = Math.max(1, ...values);
  return (
    <svg className={className} viewBox={`0 0 ${values.length} 100`} preserveAspectRatio="none" aria-hidden="true">
      {values.map((value, i) => (value > 0 ? <rect key={i} x={i} width={1} y={100 - barHeight(value, max)} height={barHeight(value, max)} /> : null))}
    </svg>
  );
}

/**
 * Where the evidence lies in time, before any analysis: events per time column (as written, not
 * aligned) and, in a row of their own, the errors among them, from the per-second counts the
 * ingest writes as it goes. Shown on the first view of an upload, so the shape of the incident
 * is on screen a second after the bytes arrive and grows while the rest is ingested.
 */
export function EvidenceOverview({ incidentId, version }: EvidenceOverviewProps) {
  const { data } = useApiResource(apiUrls.overview(incidentId, COLUMNS), evidenceOverviewDtoSchema, version);
  if (!data || data.from === null) return null;
  const errors = data.errors.reduce((a, b) => a + b, 0);
  const range = formatTimeRange(data.from, data.to);
  const summary = `${countOf(data.timedEvents, 'event')}, ${countOf(errors, 'error')}, ${range} UTC (as written)${data.ingesting > 0 ? `; ${countOf(data.ingesting, 'source')} still ingesting` : ''}`;
  return (
    <figure className="evidence-overview" aria-label={`Evidence over time: ${summary}`} data-testid="evidence-overview">
      <div className="evidence-overview__row">
        <span className="evidence-overview__label">Events</span>
        <Bars values={data.counts} className="evidence-overview__bars" />
      </div>
      <div className="evidence-overview__row">
        <span className="evidence-overview__label">Errors</span>
        <Bars values={data.errors} className="evidence-overview__bars evidence-overview__bars--errors" />
      </div>
      <figcaption className="evidence-overview__caption">{summary}</figcaption>
    </figure>
  );
}
