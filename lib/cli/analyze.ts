/**
 * `analyze FILE...`: parse local evidence files with the same pipeline as uploads (minus the
 * database) and build the report of spec section 7.
 *
 * A file that cannot be read stops the run (exit 1: the report would be silently incomplete).
 * A file that is read but is not usable evidence (empty, binary, unknown format) stays in the
 * report with its error, as it stays in an incident, and is also named on stderr.
 */
import { createReadStream } from 'node:fs';
import { access, constants, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceSummary } from '@/lib/domain/ingest/source-summary';
import type { FormatId } from '@/lib/domain/parse';
import { analyzeEvidence } from '@/lib/domain/analysis/analyze';
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import { buildReport, type Report, type SourceOutcome } from '@/lib/domain/report/report';
import { describeIssues, profileSchema, type AnalysisProfile } from '@/lib/schemas/profile';
import { UnprocessableEvidenceError } from '@/lib/server/errors';
import { readEvidence } from '@/lib/server/ingest/read-evidence';
import { UsageError } from './args';
import { EventTable } from '@/lib/domain/analysis/event-table';

/** The run cannot go on: exit code 1. */
export class CliRunError extends Error {
  override name = 'CliRunError';
}

const READ_CHUNK = 1 << 20; // 1 MiB reads are 3.6x faster than Node's 64 KiB default

async function ensureReadable(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliRunError(`${file}: is a directory, expected an evidence file`);
    await access(file, constants.R_OK);
  } catch (error) {
    if (error instanceof CliRunError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliRunError(`${file}: cannot read (${reason})`);
  }
}

export async function loadProfile(file: string): Promise<AnalysisProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliRunError(`${file}: cannot read the profile (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: the profile is not valid JSON (${(error as Error).message})`);
  }
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${file}: invalid profile\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** Reads one file's events into `events` (without their raw text) and describes the source. */
async function readSourceFile(file: string, source: number, events: AnalysisEvent[], warn: (line: string) => void): Promise<SourceOutcome> {
  const name = path.basename(file);
  const summary = new SourceSummary();
  const firstEvent = events.length;
  let format: FormatId | null = null;
  let seq = 0;
  try {
    // Year-less timestamps (RFC 3164 syslog) are dated by when the file was last written: closer
    // to the log's own time than "now", when the file may be analyzed months later.
    const { mtimeMs } = await stat(file);
    const bytes = createReadStream(file, { highWaterMark: READ_CHUNK });
    const options = { sourceName: name, referenceTimeMs: mtimeMs, referenceTimeLabel: 'when the file was last modified' };
    for await (const chunk of readEvidence(bytes, options)) {
      if (chunk.kind === 'format') {
        format = chunk.format;
        continue;
      }
      for (const event of chunk.events) {
        summary.add(event);
        const { raw: _raw, ...rest } = event;
        events.push({ ...rest, source, seq: seq++ });
      }
    }
  } catch (error) {
    if (!(error instanceof UnprocessableEvidenceError)) throw new CliRunError(`${file}: ${(error as Error).message}`);
    warn(`witness: ${error.message}`);
    events.length = firstEvent;
    return { name, format, totals: new SourceSummary().totals(), error: error.message };
  }
  return { name, format, totals: summary.totals() };
}

export interface AnalyzeFlags {
  /** false: read every clock as it is (no alignment), to see what alignment changes. */
  alignment?: boolean;
}

export async function analyze(files: readonly string[], profileFile: string | null, warn: (line: string) => void, flags: AnalyzeFlags = {}): Promise<Report> {
  for (const file of files) await ensureReadable(file);
  // Validate the profile before minutes of parsing.
  const profile = profileFile !== null ? await loadProfile(profileFile) : null;
  const outcomes: SourceOutcome[] = [];
  const events: AnalysisEvent[] = [];
  for (const file of files) outcomes.push(await readSourceFile(file, outcomes.length, events, warn));
  const input: AnalysisInput = { sources: outcomes.map(({ name, format }) => ({ name, format })), events: EventTable.of(events) };
  events.length = 0; // the table holds them now: not twice through the analysis
  const analysis = analyzeEvidence(input, { profile, alignment: flags.alignment });
  return buildReport(outcomes, { input, analysis });
}
