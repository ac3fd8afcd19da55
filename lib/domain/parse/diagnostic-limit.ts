/**
 * Caps the diagnostics one source emits per code.
 *
 * Every bad record already becomes an `unparsed` event that carries its own reason, so the
 * diagnostics are the summary a person reads first. A misdetected million-line file would
 * otherwise store a million identical diagnostics; past the cap, one closing diagnostic per code
 * says how many more there were and where the first of them was.
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

  report(locator: Locator | null, code: string, reason: string): void {
    const entry = this.counts.get(code) ?? { count: 0, firstSuppressed: null };
    entry.count++;
    this.counts.set(code, entry);
    if (entry.count <= this.max) {
      const where = locator ? `${describeLocator(locator)}: ` : '';
      this.sink.diagnostic({ locator, code, message: `${where}${reason}` });
    } else if (entry.firstSuppressed === null) {
      entry.firstSuppressed = locator;
    }
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
