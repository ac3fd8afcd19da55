/**
 * Entry point of parsing: detect a format from the head of the content, then get its parser.
 * The registry lives in ./registry.ts; detection in ./detect.ts.
 */
export { detectFormat, DETECT_HEAD_CHARS, type Detection } from './detect';
export { parserFor } from './registry';
export { parseText, type ParsedText } from './parse-text';
export type { IncrementalParser, ParseSink, ParseContext, ParserFactory } from './types';
export { FormatError } from './types';
export { FORMATS, isFormatId, type FormatId } from './formats';
