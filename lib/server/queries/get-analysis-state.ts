/**
 * getAnalysisState: what an incident's report is computed from, read in one query: the saved
 * profile text and the sources that belong in the report, in the order they were given.
 *
 * Ready sources are analyzed; failed ones are listed in the report with their error, as the
 * command line lists a file it could not use. Sources still uploading or parsing are left out
 * until they settle (their `ready` update changes the fingerprint).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { NotFoundError } from '../errors';

export const REPORTED_STATUSES = ['ready', 'failed'] as const;

const REPORT_SOURCE_SELECT = {
  id: true,
  name: true,
  format: true,
  status: true,
  error: true,
  eventCount: true,
  parsedBytes: true,
  unparsedCount: true,
  firstTs: true,
  lastTs: true,
  services: true,
  updatedAt: true,
} as const;

export interface ReportSourceRow {
  id: string;
  name: string;
  format: string | null;
  status: string;
  error: string | null;
  eventCount: number;
  /** Bytes of its text (after decompression): with the event count, what an analysis of it weighs (analysis-memory.ts). */
  parsedBytes: number;
  unparsedCount: number;
  firstTs: number | null;
  lastTs: number | null;
  services: string;
  updatedAt: Date;
}

export interface AnalysisState {
  incidentId: string;
  /** The saved profile as stored (JSON text), or null. */
  profileText: string | null;
  /** Ready and failed sources in position order. */
  sources: ReportSourceRow[];
}

export async function getAnalysisState(prisma: PrismaClient, incidentId: string): Promise<AnalysisState> {
  const incident = await prisma.incident.findUnique({
    where: { id: incidentId },
    select: {
      profile: true,
      sources: { where: { status: { in: [...REPORTED_STATUSES] } }, select: REPORT_SOURCE_SELECT, orderBy: { position: 'asc' } },
    },
  });
  if (!incident) throw new NotFoundError('incident', incidentId);
  return { incidentId, profileText: incident.profile, sources: incident.sources };
}
