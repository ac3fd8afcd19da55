/**
 * Moving between findings (`n` / `N`, `g f`, a finding's "timeline" link): which finding comes
 * next from where the user is, and the time window that shows it. Findings carry aligned time;
 * in raw mode the window is placed where the trigger's lane drew it (aligned + the lane's offset).
 */
import { clampWindow, type TimeWindow } from '@/lib/domain/timeline/view-window';
import type { FindingDto, InvestigationDto, TimeModeDto } from '@/lib/schemas/investigation';

/** How much time around a finding the timeline shows when it jumps there: its neighbourhood, readable at ms resolution. */
export const FINDING_WINDOW_MS = 10_000;

/** Divergences and (optionally) signals in time order, kept to `kinds` when any are chosen. */
export function listFindings(investigation: InvestigationDto, kinds: readonly string[], withSignals: boolean): FindingDto[] {
  const all = withSignals ? [...investigation.findings, ...investigation.signals] : [...investigation.findings];
  const kept = kinds.length > 0 ? all.filter((f) => kinds.includes(f.kind)) : all;
  // Stable sort: divergences keep the spec's tie order ahead of signals at the same instant.
  return kept.sort((a, b) => a.at - b.at);
}

/**
 * The finding after (dir 1) or before (dir -1) the current one: the one whose trigger is the
 * selected event, else the first after (last before) `fromAt`; null at either end.
 */
export function stepFinding(findings: readonly FindingDto[], selectedEvent: number | null, fromAt: number | null, dir: 1 | -1): FindingDto | null {
  const current = selectedEvent === null ? -1 : findings.findIndex((f) => f.eventId === selectedEvent);
  if (current >= 0) return findings[current + dir] ?? null;
  if (fromAt === null) return (dir === 1 ? findings[0] : findings[findings.length - 1]) ?? null;
  if (dir === 1) return findings.find((f) => f.at > fromAt) ?? null;
  for (let i = findings.length - 1; i >= 0; i--) if (findings[i]!.at < fromAt) return findings[i]!;
  return null;
}

/** A finding's time as drawn in `mode`: aligned as is, raw shifted back by its lane's offset. */
export function findingTime(finding: FindingDto, investigation: InvestigationDto, mode: TimeModeDto): number {
  if (mode === 'aligned') return finding.at;
  return finding.at + (investigation.lanes[finding.lane]?.offsetMs ?? 0);
}

/** A window of FINDING_WINDOW_MS centred on `at`, inside the incident's extent in `mode`. */
export function windowAround(at: number, investigation: InvestigationDto, mode: TimeModeDto): TimeWindow | null {
  const range = investigation.extent[mode];
  if (!range) return null;
  const half = FINDING_WINDOW_MS / 2;
  return clampWindow({ startMs: at - half, endMs: at + half }, { startMs: range[0], endMs: Math.max(range[1], range[0] + 1) });
}
