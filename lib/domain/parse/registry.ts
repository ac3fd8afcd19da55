/**
 * Format id -> parser factory. One parser per format, each in its own file.
 */
import { createAccessLogParser } from './access-log';
import { createCsvParser, createTsvParser } from './csv';
import type { FormatId } from './formats';
import { createHarParser } from './har';
import { createJaegerParser } from './jaeger';
import { createJsonArrayParser } from './json-array';
import { createJsonLinesParser } from './json-lines';
import { createLogfmtParser } from './logfmt';
import { createOtlpParser } from './otlp';
import { createSyslogParser } from './syslog';
import { createTextLinesParser } from './text-lines';
import type { ParserFactory } from './types';
import { createZipkinParser } from './zipkin';

const PARSERS: Record<FormatId, ParserFactory> = {
  jsonl: createJsonLinesParser,
  json: createJsonArrayParser,
  logfmt: createLogfmtParser,
  csv: createCsvParser,
  tsv: createTsvParser,
  text: createTextLinesParser,
  syslog: createSyslogParser,
  'access-log': createAccessLogParser,
  har: createHarParser,
  otlp: createOtlpParser,
  jaeger: createJaegerParser,
  zipkin: createZipkinParser,
};

export function parserFor(format: FormatId): ParserFactory {
  return PARSERS[format];
}
