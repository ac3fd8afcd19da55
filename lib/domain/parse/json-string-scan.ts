/**
 * Finding where a JSON string ends when the text comes in chunks that may split it anywhere,
 * even between a backslash and the character it escapes. Used by the streaming scanners that
 * follow JSON structure without parsing values (json-array-scanner.ts, and the reference JSON
 * redactor the tests hold the fast one to; redact/json-redactor.ts remembers the next quote and
 * backslash of a chunk instead, as it also needs to know whether a string held an escape).
 */
export class JsonStringScan {
  /** The previous chunk ended on an odd run of backslashes: the next character is escaped. */
  private escape = false;

  /**
   * Index just past the closing quote of the string being read from `from` (just after its
   * opening quote, or the start of a chunk that continues it), or -1 when the chunk ends first.
   */
  end(s: string, from: number): number {
    let i = from;
    if (this.escape) {
      if (i >= s.length) return -1;
      this.escape = false;
      i++;
    }
    const start = i;
    for (;;) {
      const q = s.indexOf('"', i);
      if (q < 0) {
        this.escape = (backslashesBefore(s, s.length, start) & 1) === 1;
        return -1;
      }
      if ((backslashesBefore(s, q, start) & 1) === 0) return q + 1;
      i = q + 1;
    }
  }
}

function backslashesBefore(s: string, at: number, floor: number): number {
  let n = 0;
  for (let b = at - 1; b >= floor && s.charCodeAt(b) === 0x5c; b--) n++;
  return n;
}
