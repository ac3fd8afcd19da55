/**
 * What the trace parsers (OTLP, Jaeger, Zipkin) say about ids they had to rewrite so they match
 * the same ids elsewhere (spec section 3), in a form an on-call engineer can check:
 *
 * - `base64-id`: trace/span ids written in base64 (protobuf's generic JSON mapping instead of
 *   OTLP/JSON's hex) were converted to hex. One diagnostic per source, at the first record,
 *   with the count: the conversion is the same for every record, a list would add nothing.
 * - `short-trace-id`: a trace id of 17 to 31 hex digits (an exporter dropped its leading zeros,
 *   as Jaeger's UI does) was left-padded to 32. Once per distinct id, at its first record.
 *   16-digit (64-bit) ids are normal in Zipkin and Jaeger and are padded silently.
 */
import type { Locator } from '../event';
import type { DiagnosticLimiter } from './diagnostic-limit';
import { Tally } from './diagnostic-limit';
import { isBase64Id, normalizeTraceId, shortTraceIdDigits } from './fields/ids';

export class IdNotes {
  private readonly base64 = new Tally();
  private readonly shortIds = new Set<string>();

  constructor(private readonly problems: DiagnosticLimiter) {}

  /** The ids of one span or log record, as written in the file. */
  check(locator: Locator, traceId: unknown, ...spanIds: unknown[]): void {
    if (isBase64Id(traceId, 16) || spanIds.some((id) => isBase64Id(id, 8))) this.base64.add(locator);
    const digits = shortTraceIdDigits(traceId);
    if (digits === null) return;
    const written = String(traceId).trim();
    if (this.shortIds.has(written)) return;
    this.shortIds.add(written);
    this.problems.report(
      locator,
      'short-trace-id',
      `trace id ${written} has ${digits} hex digits instead of 32 (the exporter dropped leading zeros); ` +
        `read as ${normalizeTraceId(written)}, left-padded with zeros, so it matches the full id in other sources`,
    );
  }

  /** Call once at the end of the source. */
  flush(): void {
    const { count, first } = this.base64;
    if (count === 0 || first === null) return;
    this.problems.report(
      first,
      'base64-id',
      `${count === 1 ? 'this record has' : `this and ${count - 1} more records have`} trace/span ids written in base64 ` +
        `(protobuf's JSON mapping, not OTLP/JSON's hex); converted to lower-case hex so they match the same ids elsewhere`,
    );
  }
}

