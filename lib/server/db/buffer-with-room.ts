/**
 * A Buffer written into from the front and grown when it is full: the bulk insert's COPY text
 * (bulk-insert.ts) and the analysis load's pages of rows (queries/json-row-pages.ts).
 */

/** `buffer` with room for `more` bytes after `used` (the bytes before it kept; at least doubled when it grows). */
export function bufferWithRoom(buffer: Buffer, used: number, more: number): Buffer {
  if (used + more <= buffer.length) return buffer;
  const larger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + more));
  buffer.copy(larger, 0, 0, used);
  return larger;
}
