/**
 * A stored source -> its entry in the report (lib/domain/report/report.ts): name, format and
 * the totals ingest recorded, plus the error of a source that could not be ingested. A failed
 * source is listed with zero events, as the command line lists a file it could not use.
 */
import { isFormatId } from '@/lib/domain/parse/formats';
import type { SourceOutcome } from '@/lib/domain/report/report';
import type { ReportSourceRow } from '../queries/get-analysis-state';

function services(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

export function sourceOutcome(row: ReportSourceRow): SourceOutcome {
  const format = row.format !== null && isFormatId(row.format) ? row.format : null;
  if (row.status !== 'ready') {
    return {
      name: row.name,
      format,
      totals: { events: 0, unparsed: 0, firstTs: null, lastTs: null, services: [] },
      error: row.error ?? `${row.name}: could not be ingested`,
    };
  }
  return {
    name: row.name,
    format,
    totals: { events: row.eventCount, unparsed: row.unparsedCount, firstTs: row.firstTs, lastTs: row.lastTs, services: services(row.services) },
  };
}
