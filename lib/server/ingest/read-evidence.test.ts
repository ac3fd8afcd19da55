/**
 * The byte-level half of ingest: chunking, gzip, UTF-8 across chunk boundaries, BOM, and the
 * "cannot be evidence" errors. The format registry is replaced by a one-format fake so these
 * tests pin the byte handling alone; the real parsers are exercised by the upload API test.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { UnprocessableEvidenceError, UploadInterruptedError } from '../errors';
import { DECODE_PIECE_BYTES, DEFAULT_BATCH_BYTES, DEFAULT_EVENT_BATCH, type EvidenceChunk, FIRST_EVENT_BATCH, readEvidence } from './read-evidence';

vi.mock('@/lib/domain/parse', async () => {
  const { unparsedEvent } = await import('@/lib/domain/event');
  class FormatError extends Error {}
  return {
    DETECT_HEAD_CHARS: 16,
    FormatError,
    detectFormat: (head: string) => (head.startsWith('L:') ? { format: 'text', reason: 'starts with L:' } : { format: null, tried: ['fake lines'] }),
    // One event per line, its text as `raw` (an "unparsed" event is the simplest full event).
    parserFor: () => (sink: { event: (e: unknown) => void }) => {
      let rest = '';
      let line = 0;
      const emit = (text: string) => sink.event(unparsedEvent({ line: ++line }, text, 'fake'));
      return {
        write(chunk: string) {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          parts.forEach(emit);
        },
        end() {
          if (rest !== '') emit(rest);
        },
      };
    },
  };
});

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(
  bytes: Uint8Array,
  size = 3,
  batchSize?: number,
): Promise<{ format: string | null; raws: string[]; batches: number; parsedBytes: number; codes: string[] }> {
  const out = { format: null as string | null, raws: [] as string[], batches: 0, parsedBytes: 0, codes: [] as string[] };
  for await (const chunk of readEvidence(chunked(bytes, size), { sourceName: 'x.log', batchSize }) as AsyncGenerator<EvidenceChunk>) {
    if (chunk.kind === 'format') out.format = chunk.format;
    else {
      out.batches++;
      out.parsedBytes = chunk.parsedBytes;
      out.raws.push(...chunk.events.map((e) => e.raw));
      out.codes.push(...chunk.diagnostics.map((d) => d.code));
    }
  }
  return out;
}

const text = 'L: héllo wörld ✓\nL: 日本語のログ 🚀\nL: last line without newline';
const bytes = new TextEncoder().encode(text);

describe('readEvidence', () => {
  it('keeps multi-byte characters split across every possible chunk boundary', async () => {
    for (const size of [1, 2, 3, 5, 7]) {
      expect((await collect(bytes, size)).raws).toEqual(text.split('\n'));
    }
  });

  it('keeps multi-byte characters across the pieces one big chunk is decoded in', async () => {
    // One chunk of three pieces; each line is 1-4 byte characters, so some character straddles
    // every piece boundary whatever the offset.
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < DECODE_PIECE_BYTES * 3; i++) {
      const line = `L: ${i} ${'é✓🚀'.repeat(i % 5)}`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const big = new TextEncoder().encode(lines.join('\n'));
    const handedOn: string[] = [];
    const raws: string[] = [];
    for await (const chunk of readEvidence(chunked(big, big.length), { sourceName: 'big.log', text: { redactor: null, out: (t) => handedOn.push(t) } })) {
      if (chunk.kind === 'batch') raws.push(...chunk.events.map((e) => e.raw));
    }
    expect(raws).toEqual(lines);
    expect(handedOn.join('')).toBe(lines.join('\n'));
  });

  it('drops a UTF-8 BOM before detection and says so, whatever the chunking', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    for (const size of [1, 2, 4, 64]) {
      const result = await collect(withBom, size);
      expect(result.format).toBe('text');
      expect(result.raws[0]).toBe('L: héllo wörld ✓');
      expect(result.codes).toEqual(['bom']);
    }
    expect((await collect(bytes, 1)).codes).toEqual([]);
    // Only a leading BOM is one: U+FEFF later in the text is content.
    const inner = new TextEncoder().encode('L: a\uFEFFb');
    expect(await collect(inner, 2)).toMatchObject({ raws: ['L: a\uFEFFb'], codes: [] });
  });

  it('decompresses gzip transparently, and counts decompressed bytes as parsed', async () => {
    const result = await collect(gzipSync(bytes), 4);
    expect(result.raws).toEqual(text.split('\n'));
    expect(result.parsedBytes).toBe(bytes.length);
  });

  it('yields events in batches', async () => {
    const many = new TextEncoder().encode(Array.from({ length: 50 }, (_, i) => `L: ${i}`).join('\n'));
    const result = await collect(many, 64, 10);
    expect(result.raws).toHaveLength(50);
    expect(result.batches).toBeGreaterThan(2);
  });

  it('sends the first batch once it holds FIRST_EVENT_BATCH events, the others at the batch size', async () => {
    const line = (i: number) => `L: event number ${String(i).padStart(8, '0')} of the first view`;
    const chunkLines = Math.ceil(70_000 / line(0).length); // one chunk: more than the detection head
    const lines = Array.from({ length: chunkLines * 4 }, (_, i) => line(i));
    const all = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
    const sizes: number[] = [];
    for await (const chunk of readEvidence(chunked(all, all.length / 4), { sourceName: 'x.log' })) if (chunk.kind === 'batch') sizes.push(chunk.events.length);
    expect(chunkLines).toBeGreaterThan(FIRST_EVENT_BATCH);
    expect(chunkLines).toBeLessThan(DEFAULT_EVENT_BATCH);
    expect(sizes[0]).toBe(chunkLines);
    expect(sizes[1]).toBeGreaterThanOrEqual(DEFAULT_EVENT_BATCH);
    expect(sizes.reduce((a, b) => a + b)).toBe(lines.length);
  });

  it('hands each event to onEvent as it is made, in order, and batches it where it would have been', async () => {
    const line = (i: number) => `L: event number ${String(i).padStart(8, '0')} of the first view`;
    const lines = Array.from({ length: Math.ceil(70_000 / line(0).length) * 4 }, (_, i) => line(i));
    const all = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
    const read = async (handed: string[] | null) => {
      const batches: { events: number; count: number; handedSoFar: number }[] = [];
      const onEvent = handed === null ? undefined : (e: { raw: string }) => void handed.push(e.raw);
      for await (const chunk of readEvidence(chunked(all, all.length / 4), { sourceName: 'x.log', onEvent })) {
        if (chunk.kind === 'batch') batches.push({ events: chunk.events.length, count: chunk.count, handedSoFar: handed?.length ?? 0 });
      }
      return batches;
    };
    const handed: string[] = [];
    const taken = await read(handed);
    const collected = await read(null);
    expect(handed).toEqual(lines);
    // The same batches, counted, without their events; each batch comes after its events were handed on.
    expect(taken.map((b) => b.count)).toEqual(collected.map((b) => b.events));
    expect(collected.map((b) => b.count)).toEqual(collected.map((b) => b.events));
    expect(taken.every((b) => b.events === 0)).toBe(true);
    let sum = 0;
    for (const b of taken) expect(b.handedSoFar).toBe((sum += b.count));
    expect(taken.length).toBeGreaterThan(1);
  });

  it('sends a batch once DEFAULT_BATCH_BYTES were read into it, however few events it holds (big records: HAR entries)', async () => {
    const line = (i: number) => `L: ${String(i).padStart(8, '0')} ${'x'.repeat(20_000)}`;
    const lines = Array.from({ length: 400 }, (_, i) => line(i)); // ~8 MB: four batches' worth
    const all = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
    const sizes: number[] = [];
    const raws: string[] = [];
    for await (const chunk of readEvidence(chunked(all, 256 * 1024), { sourceName: 'x.log' })) {
      if (chunk.kind !== 'batch') continue;
      sizes.push(chunk.events.length);
      raws.push(...chunk.events.map((e) => e.raw));
    }
    const perBatch = Math.ceil(DEFAULT_BATCH_BYTES / line(0).length);
    // The first batch at FIRST_EVENT_BATCH would wait for 1,000 of these; it goes at the byte bound too.
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(perBatch + Math.ceil((256 * 1024) / line(0).length) + 1);
    expect(raws).toEqual(lines);
  });

  it('rejects empty input, also when it is an empty gzip', async () => {
    await expect(collect(new Uint8Array())).rejects.toThrow('x.log is empty (0 bytes): nothing to ingest');
    await expect(collect(gzipSync(new Uint8Array()))).rejects.toThrow('x.log is empty (after decompression): nothing to ingest');
  });

  it('rejects an unknown format naming the file and what was tried', async () => {
    await expect(collect(new TextEncoder().encode('hello\nworld'))).rejects.toThrow(/^x\.log: format not recognized; tried fake lines$/);
  });

  it('rejects binary content', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(collect(png, 64)).rejects.toThrow(/x\.log is a binary file \(it contains NUL bytes\)/);
    const latin = new Uint8Array(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 64)));
    await expect(collect(latin, 64)).rejects.toThrow(/not UTF-8 text/);
  });

  it('rejects truncated gzip as corrupt evidence', async () => {
    const gz = gzipSync(new TextEncoder().encode(text.repeat(50)));
    await expect(collect(gz.subarray(0, gz.length - 20), 64)).rejects.toThrow(UnprocessableEvidenceError);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = async () => {
      for await (const _ of readEvidence(chunked(bytes, 4), { sourceName: 'x.log', signal: controller.signal })) void _;
    };
    await expect(run()).rejects.toThrow(UploadInterruptedError);
  });
});
