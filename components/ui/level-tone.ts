/**
 * Maps a free-form level string (parsers keep whatever the source said: "ERROR", "err", "50",
 * "warning") to one of a few visual tones for badges.
 */
export type LevelToneKey = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'other';

export interface LevelTone {
  key: LevelToneKey;
  /** A shape per tone: readable without colour and in monochrome screenshots. */
  glyph: string;
}

const TONES: Record<LevelToneKey, LevelTone> = {
  fatal: { key: 'fatal', glyph: '■' },
  error: { key: 'error', glyph: '✖' },
  warn: { key: 'warn', glyph: '▲' },
  info: { key: 'info', glyph: '●' },
  debug: { key: 'debug', glyph: '○' },
  trace: { key: 'trace', glyph: '·' },
  other: { key: 'other', glyph: '◆' },
};

const BY_NAME: Record<string, LevelToneKey> = {
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
  panic: 'fatal',
  error: 'error',
  err: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  notice: 'info',
  debug: 'debug',
  trace: 'trace',
  verbose: 'trace',
};

export function levelTone(level: string): LevelTone {
  return TONES[BY_NAME[level.trim().toLowerCase()] ?? 'other'];
}

const SEVERITY: readonly LevelToneKey[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'other'];

/** Most severe first, then by name: the order a level menu should read in during an incident. */
export function compareLevels(a: string, b: string): number {
  return SEVERITY.indexOf(levelTone(a).key) - SEVERITY.indexOf(levelTone(b).key) || a.localeCompare(b);
}
