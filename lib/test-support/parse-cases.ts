/**
 * Shared checks for the incremental line parsers: the same input must give the same events
 * whatever the chunking and line endings, so tests compare a parse against its variants.
 */
import type { FormatId } from '@/lib/domain/parse/formats';
import { parseText, type ParsedText } from '@/lib/domain/parse/parse-text';

export function parseVariants(text: string, name: string, format: FormatId): Record<'whole' | 'chunked' | 'crlf', ParsedText> {
  return {
    whole: parseText(text, name, format),
    chunked: parseText(text, name, format, 7),
    crlf: parseText(text.replace(/\r?\n/g, '\r\n'), name, format),
  };
}
