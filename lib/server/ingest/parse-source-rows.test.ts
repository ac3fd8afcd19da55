/**
 * The parse worker and the inline parse give the same chunks, the same written text and the same
 * errors: ingest may take either (a small file inline, a worker that could not start or ran out
 * of memory), so which one ran must never show in what is stored.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { UnprocessableEvidenceError } from '../errors';
import type { RowChunk } from './evidence-rows';
import { hasSpareParseWorker, parseSourceRows, prestartParseWorker } from './parse-source-rows';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-parse-rows-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function chunksOf(file: string, worker: boolean): Promise<{ chunks: RowChunk[]; text: string | null }> {
  const input = path.join(tmp, `${worker ? 'worker' : 'inline'}-${path.basename(file)}`);
  copyFileSync(file, input);
  const output = `${input}.parsed`;
  const chunks: RowChunk[] = [];
  for await (const chunk of parseSourceRows(input, { sourceName: path.basename(file), redact: true, text: { input, output }, worker })) chunks.push(chunk);
  return { chunks, text: existsSync(output) ? readFileSync(output, 'utf8') : null };
}

describe('parseSourceRows', () => {
  it.each(['logs/logfile_bunyan.0', 'logs/all.log', 'har/chrome.har', 'otlp/traces.jsonl', 'correlated/nezha-trainticket-2023-01-29/09_34_log.csv'])(
    '%s: the worker and the inline parse give the same rows and text',
    async (file) => {
      const inWorker = await chunksOf(corpusPath(file), true);
      const inline = await chunksOf(corpusPath(file), false);
      expect(inWorker.chunks.some((c) => c.kind === 'rows' && c.batches.length > 0)).toBe(true);
      expect(inWorker).toEqual(inline);
    },
  );

  it('takes the worker started ahead for the next parse, which gives the same rows', async () => {
    prestartParseWorker();
    expect(hasSpareParseWorker()).toBe(true);
    const file = corpusPath('logs/logfile_bunyan.0');
    const inWorker = await chunksOf(file, true);
    expect(hasSpareParseWorker()).toBe(false);
    expect(inWorker).toEqual(await chunksOf(file, false));
  });

  it('writes the redacted text in both, and fails a file that is not evidence with the same error', async () => {
    const secret = path.join(tmp, 'secret.log');
    writeFileSync(secret, '2026-11-20 10:00:00 INFO login password=hunter2 ok\n2026-11-20 10:00:01 INFO next\n');
    const [inWorker, inline] = [await chunksOf(secret, true), await chunksOf(secret, false)];
    expect(inWorker.text).toContain('password=[REDACTED]');
    expect(inWorker).toEqual(inline);

    const binary = path.join(tmp, 'binary.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 0, 0, 0, 7, 8, 0, 0]));
    for (const worker of [true, false]) {
      await expect(chunksOf(binary, worker)).rejects.toThrow(UnprocessableEvidenceError);
    }
  });
});
