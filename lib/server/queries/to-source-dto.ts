/** Source row -> the API's source shape (counts renamed, times as ISO, services parsed). */
import type { DiagnosticDto, SourceDto, SourceStatus } from '@/lib/schemas/source';
import { SOURCE_STATUSES } from '@/lib/schemas/source';
import { locatorOf } from './locator-of';

export const SOURCE_SELECT = {
  id: true,
  incidentId: true,
  name: true,
  position: true,
  format: true,
  status: true,
  error: true,
  sizeBytes: true,
  parsedBytes: true,
  compressed: true,
  sha256: true,
  eventCount: true,
  unparsedCount: true,
  firstTs: true,
  lastTs: true,
  services: true,
  redacted: true,
  redactions: true,
  createdAt: true,
} as const;

export interface SourceRow {
  id: string;
  incidentId: string;
  name: string;
  position: number;
  format: string | null;
  status: string;
  error: string | null;
  sizeBytes: number;
  parsedBytes: number;
  compressed: boolean;
  sha256: string | null;
  eventCount: number;
  unparsedCount: number;
  firstTs: number | null;
  lastTs: number | null;
  services: string;
  redacted: boolean;
  redactions: string;
  createdAt: Date;
}

export const DIAGNOSTIC_SELECT = { line: true, idx: true, spanId: true, code: true, message: true } as const;

export interface DiagnosticRow {
  line: number | null;
  idx: number | null;
  spanId: string | null;
  code: string;
  message: string;
}

export function toDiagnosticDto(row: DiagnosticRow): DiagnosticDto {
  return { locator: locatorOf(row), code: row.code, message: row.message };
}

export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function status(value: string): SourceStatus {
  const found = SOURCE_STATUSES.find((s) => s === value);
  if (!found) throw new Error(`unknown source status in the database: ${value}`);
  return found;
}

function services(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

/** The stored counts per kind; anything else in the column (never written) counts as none. */
function redactions(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => Number.isInteger(entry[1])));
}

export function toSourceDto(row: SourceRow, diagnostics?: DiagnosticRow[]): SourceDto {
  const dto: SourceDto = {
    id: row.id,
    incidentId: row.incidentId,
    name: row.name,
    position: row.position,
    format: row.format,
    status: status(row.status),
    error: row.error,
    sizeBytes: row.sizeBytes,
    parsedBytes: row.parsedBytes,
    compressed: row.compressed,
    sha256: row.sha256,
    events: row.eventCount,
    unparsed: row.unparsedCount,
    firstTs: row.firstTs,
    lastTs: row.lastTs,
    firstTime: isoTime(row.firstTs),
    lastTime: isoTime(row.lastTs),
    services: services(row.services),
    redacted: row.redacted,
    redactions: redactions(row.redactions),
    createdAt: row.createdAt.toISOString(),
  };
  if (diagnostics) dto.diagnostics = diagnostics.map(toDiagnosticDto);
  return dto;
}
