/**
 * Terminal escape sequences in log text (docker compose, coloured loggers).
 *
 * Events keep the original line in `raw` (nothing is lost) and show a clean `message`, so the
 * codes are removed before a line is read for fields. Recognized: CSI `ESC [ params final`
 * (colours, `ESC[2K`), OSC `ESC ] ... (BEL | ESC \)` (window titles, hyperlinks), and two-byte
 * `ESC x` sequences. A lone ESC at the end is dropped.
 */
import type { DiagnosticLimiter, Tally } from './diagnostic-limit';

const ESC = 0x1b;

/** Cheap pre-check: most lines have no escape at all and are returned untouched. */
export function hasAnsi(s: string): boolean {
  return s.indexOf('\x1b') >= 0;
}

export function stripAnsi(s: string): string {
  let i = s.indexOf('\x1b');
  if (i < 0) return s;
  let out = s.slice(0, i);
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== ESC) {
      const next = s.indexOf('\x1b', i);
      const stop = next < 0 ? n : next;
      out += s.slice(i, stop);
      i = stop;
      continue;
    }
    const kind = s.charCodeAt(i + 1);
    if (kind === 0x5b) {
      // CSI: parameter and intermediate bytes 0x20-0x3f, then one final byte 0x40-0x7e.
      let j = i + 2;
      while (j < n && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x3f) j++;
      i = j < n ? j + 1 : n;
    } else if (kind === 0x5d) {
      // OSC: ends at BEL or at ESC backslash.
      let j = i + 2;
      while (j < n && s.charCodeAt(j) !== 7 && !(s.charCodeAt(j) === ESC && s.charCodeAt(j + 1) === 0x5c)) j++;
      i = j >= n ? n : s.charCodeAt(j) === 7 ? j + 1 : j + 2;
    } else {
      i += i + 1 < n ? 2 : 1;
    }
  }
  return out;
}

/**
 * The `ansi-escapes` diagnostic: once per source, at the first line that had escapes, with the
 * count. Removing them is the same for every line, so a list would say nothing more.
 */
export function reportAnsiEscapes(problems: DiagnosticLimiter, lines: Tally): void {
  if (lines.count === 0) return;
  const which = lines.count === 1 ? 'this line had' : `this and ${lines.count - 1} more lines had`;
  problems.report(
    lines.first,
    'ansi-escapes',
    `${which} terminal colour/control codes (ANSI escapes); removed from the message, kept in the raw text`,
  );
}
