/**
 * Is this the start of a binary file rather than text evidence? Checked on the first
 * (decompressed) chunk only, before any parsing.
 *
 * A NUL byte never occurs in UTF-8 log text (it does in images, archives, databases and
 * UTF-16 files); a high share of invalid UTF-8 sequences means some other binary encoding.
 */
const SNIFF_BYTES = 8192;
/** Share of the sniffed bytes that may be invalid UTF-8 before the file counts as binary. */
const MAX_INVALID_SHARE = 0.1;

export function binaryReason(chunk: Uint8Array): string | null {
  const sample = chunk.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return 'it contains NUL bytes';
  // A character cut at the sample's end is not invalid: trim up to 3 trailing bytes of a sequence.
  let end = sample.length;
  while (end > 0 && end > sample.length - 4 && ((sample[end - 1] as number) & 0xc0) === 0x80) end--;
  if (end > 0 && (sample[end - 1] as number) >= 0xc0) end--;
  const text = new TextDecoder('utf-8').decode(sample.subarray(0, end));
  let invalid = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) invalid++;
  if (sample.length > 0 && invalid / sample.length > MAX_INVALID_SHARE) return 'it is not UTF-8 text';
  return null;
}
