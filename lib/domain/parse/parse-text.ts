/**
 * Parses a whole string at once: for tests, the command line on small inputs, and re-parsing.
 * The streaming pipeline (lib/server/ingest) uses the same detect + parser with chunks.
 */
import type { Diagnostic, EvidenceEvent } from '../event';
import { BOM_CHAR, byteOrderMarkDiagnostic } from './byte-order-mark';
import { detectFormat, DETECT_HEAD_CHARS } from './detect';
import type { FormatId } from './formats';
import { parserFor } from './registry';
import { FormatError, type ParseContext } from './types';

export interface ParsedText {
  format: FormatId;
  events: EvidenceEvent[];
  diagnostics: Diagnostic[];
}

/**
 * Throws FormatError when the format cannot be detected or the input is unusable as a whole.
 * `context`: the rest of the ParseContext (a reference time for year-less timestamps).
 */
export function parseText(
  text: string,
  sourceName: string,
  format?: FormatId,
  chunkSize = 1 << 20,
  context: Omit<ParseContext, 'sourceName'> = {},
): ParsedText {
  const bom = text.charCodeAt(0) === BOM_CHAR;
  const body = bom ? text.slice(1) : text;
  let chosen = format;
  if (!chosen) {
    const detection = detectFormat(body.slice(0, DETECT_HEAD_CHARS));
    if (detection.format === null) {
      throw new FormatError(`${sourceName}: unknown format (tried ${detection.tried.join(', ')})`, null);
    }
    chosen = detection.format;
  }
  const events: EvidenceEvent[] = [];
  const diagnostics: Diagnostic[] = bom ? [byteOrderMarkDiagnostic()] : [];
  const parser = parserFor(chosen)(
    { event: (e) => events.push(e), diagnostic: (d) => diagnostics.push(d) },
    { ...context, sourceName },
  );
  for (let i = 0; i < body.length; i += chunkSize) parser.write(body.slice(i, i + chunkSize));
  parser.end();
  return { format: chosen, events, diagnostics };
}
