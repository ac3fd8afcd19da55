/**
 * Which diagnostics of one source to store. At most MAX_STORED_DIAGNOSTICS are kept (a file of
 * a million bad lines must not store a million reasons); the count stays exact and one final
 * diagnostic says how many more there were.
 */
import type { Diagnostic } from '@/lib/domain/event';

export const MAX_STORED_DIAGNOSTICS = 1000;

export class DiagnosticBudget {
  private count = 0;

  /** Counts the diagnostics and returns the ones still under the storage cap. */
  admit(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const room = Math.max(0, MAX_STORED_DIAGNOSTICS - this.count);
    this.count += diagnostics.length;
    return diagnostics.slice(0, room);
  }

  /** The closing "N more" diagnostic when some were not stored. */
  overflow(): Diagnostic | null {
    const more = this.count - MAX_STORED_DIAGNOSTICS;
    if (more <= 0) return null;
    return { locator: null, code: 'more-diagnostics', message: `${more} more diagnostics not stored (${this.count} in all)` };
  }
}
