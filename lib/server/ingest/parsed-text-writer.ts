/**
 * The source's text as a parse hands it on (read-evidence.ts: decoded, redacted), kept where rows
 * can point into it (LineOffsets), written only from the moment it differs from the input's
 * bytes. Until then the input is that very text, so rows point into the input and nothing is
 * written: for most uploads nothing ever is (writing a copy cost the parse worker about 1.4 s
 * per 250 MB). At the first difference (a redaction; U+FFFD, where bytes that were not UTF-8
 * were replaced; a gzip input differs from its first byte) the input's bytes so far are copied
 * and the text is written on from there: the offsets stay valid in both. The copy is made under
 * a temporary name and renamed when whole, so a reader never finds a short file. Every byte is
 * measured as it is written (size, SHA-256): when the text becomes the blob, nothing reads it
 * again to hash it.
 */
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { BlobMeasure, type StoredBlob } from '../blob-store';
import { hasGzipMagic } from './decompress';
import type { LineOffsets } from './line-offsets';

const COPY_CHUNK = 1 << 20;
const REPLACEMENT_CHAR = '\uFFFD';

function fileIsGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && hasGzipMagic(head);
  } finally {
    closeSync(fd);
  }
}

export class ParsedTextWriter {
  private fd: number | null = null;
  private readonly measure = new BlobMeasure();
  private measured: StoredBlob | null = null;

  /**
   * `input`: the file being parsed; `output`: where the text goes once it differs;
   * `changed`: whether redaction has replaced anything so far.
   */
  constructor(
    private readonly input: string,
    private readonly output: string,
    private readonly offsets: LineOffsets,
    private readonly changed: () => boolean,
  ) {
    if (fileIsGzip(input)) this.start();
  }

  /** The next piece of text, in order. */
  write(text: string): void {
    if (this.fd === null && (this.changed() || text.includes(REPLACEMENT_CHAR))) this.start();
    // The file gets what the offsets counted: a high surrogate they held back waits for its pair
    // there too, so the two halves are encoded as one character.
    const heldBefore = this.offsets.heldText;
    this.offsets.write(text);
    if (this.fd === null) return;
    const whole = heldBefore + text;
    const heldNow = this.offsets.heldText.length;
    this.put(this.fd, Buffer.from(heldNow === 0 ? whole : whole.slice(0, -heldNow), 'utf8'));
  }

  /** What `output` holds once closed: its size and hash; null when nothing was written. */
  get text(): StoredBlob | null {
    return this.measured;
  }

  close(): void {
    if (this.fd === null) return;
    if (this.offsets.heldText !== '') this.put(this.fd, Buffer.from(this.offsets.heldText, 'utf8'));
    closeSync(this.fd);
    this.measured = this.measure.result();
  }

  /** Writes and measures `length` bytes (writeSync may write part of them: it loops). */
  private put(fd: number, bytes: Uint8Array, length = bytes.length): void {
    this.measure.add(bytes.subarray(0, length));
    for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
  }

  /** Copies the input's bytes that the text so far is (what the offsets counted; what they hold back comes with the next piece). */
  private start(): void {
    const part = `${this.output}.part`;
    const fd = openSync(part, 'w');
    const prefix = this.offsets.countedBytes;
    if (prefix > 0) {
      const from = openSync(this.input, 'r');
      try {
        const buffer = Buffer.allocUnsafe(COPY_CHUNK);
        for (let at = 0; at < prefix; ) {
          const read = readSync(from, buffer, 0, Math.min(COPY_CHUNK, prefix - at), at);
          if (read === 0) throw new Error(`${this.input} ended at byte ${at} of the ${prefix} already parsed`);
          this.put(fd, buffer, read);
          at += read;
        }
      } finally {
        closeSync(from);
      }
    }
    renameSync(part, this.output);
    this.fd = fd;
  }
}
