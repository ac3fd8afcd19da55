/**
 * Caps the diagnostics one source emits per code.
 *
 * Every bad record already becomes an `unparsed` event that carries its own reason, so the
 * diagnostics are the summary a person reads first. A misdetected million-line file would
 * otherwise store a million identical diagnostics; past the cap, one closing diagnostic per code
 * says how many more there were and where the first of them was.
 *
 * Every parser sends its diagnostics through one limiter (`report` for a reason to prefix with
 * its locator, `add` for a diagnostic already worded) and calls `flush` at its end.
 * A condition that touches many records the same way (terminal escapes on every line, base64
 * ids on every span) is not a per-record problem: count it with a Tally and report it once.
 */
import type { Diagnostic, Locator } from '../event';
import { describeLocator } from '../event';
import type { ParseSink } from './types';

/** Enough to see every problem of a file with a few bad lines, bounded for broken ones. */
export const MAX_DIAGNOSTICS_PER_CODE = 200;

export class DiagnosticLimiter {
  private readonly counts = new Map<string, { count: number; firstSuppressed: Locator | null }>();

  constructor(
    private readonly sink: ParseSink,
    private readonly max = MAX_DIAGNOSTICS_PER_CODE,
  ) {}

  /** A diagnostic whose message is `<locator>: <reason>`. */
  report(locator: Locator | null, code: string, reason: string): void {
    if (!this.admit(locator, code)) return;
    const where = locator ? `${describeLocator(locator)}: ` : '';
    this.sink.diagnostic({ locator, code, message: `${where}${reason}` });
  }

  /** A diagnostic already worded (it names its locator itself). */
  add(diagnostic: Diagnostic): void {
    if (this.admit(diagnostic.locator, diagnostic.code)) this.sink.diagnostic(diagnostic);
  }

  private admit(locator: Locator | null, code: string): boolean {
    const entry = this.counts.get(code) ?? { count: 0, firstSuppressed: null };
    entry.count++;
    this.counts.set(code, entry);
    if (entry.count <= this.max) return true;
    if (entry.firstSuppressed === null) entry.firstSuppressed = locator;
    return false;
  }

  /** Call once at the end of the source. */
  flush(): void {
    for (const [code, { count, firstSuppressed }] of this.counts) {
      if (count <= this.max) continue;
      const diagnostic: Diagnostic = {
        locator: firstSuppressed,
        code,
        message: `${count - this.max} more ${code} problems not listed (${count} in all)`,
      };
      this.sink.diagnostic(diagnostic);
    }
    this.counts.clear();
  }
}

/** Counts the records a source-wide condition touched, and remembers the first. */
export class Tally {
  count = 0;
  first: Locator | null = null;

  add(locator: Locator | null): void {
    if (this.count++ === 0) this.first = locator;
  }
}
