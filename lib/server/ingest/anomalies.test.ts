/**
 * Every anomaly that ../shared/corpus/MANIFEST.md lists ("Parse results and anomalies worth
 * testing") goes through the real ingest path (bytes -> readEvidence -> parser) without
 * failing the file, with a diagnostic that names where and why, and without losing a record:
 * the event counts are those of the parser corpus tests (lib/domain/parse/json-corpus.test.ts,
 * text-lines.test.ts).
 */
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, EvidenceEvent, Locator } from '@/lib/domain/event';
import { corpusPath } from '@/lib/test-support/corpus';
import { readEvidence } from './read-evidence';

interface Anomaly {
  anomaly: string;
  file: string;
  code: string;
  /** The locator of the first diagnostic of that code. */
  locator: Locator | null;
  /** How many diagnostics of that code the file gets. */
  count: number;
  /** The message names the reason. */
  reason: RegExp;
  events: number;
  unparsed?: number;
}

const ANOMALIES: Anomaly[] = [
  {
    anomaly: 'UTF-8 BOM at the start of JSON',
    file: 'har/with-bom.har',
    code: 'bom',
    locator: null,
    count: 1,
    reason: /starts with a UTF-8 byte order mark .*removed before parsing/,
    events: 1,
  },
  {
    anomaly: 'HAR status 0 with _error (21 of 33)',
    file: 'har/timed_out.har',
    code: 'no-response',
    locator: { index: 0 },
    count: 21,
    reason: /^index 0: the request got no response \(status 0, net::ERR_INTERNET_DISCONNECTED\)/,
    events: 33,
  },
  {
    anomaly: 'HAR status 0 with _error',
    file: 'har/chrome.har',
    code: 'no-response',
    locator: { index: 1 },
    count: 1,
    reason: /^index 1: the request got no response \(status 0, net::ERR_INTERNET_DISCONNECTED\)/,
    events: 3,
  },
  {
    anomaly: 'base64 trace/span ids (protobuf JSON mapping)',
    file: 'otlp/traces.jsonl',
    code: 'base64-id',
    locator: { spanId: '5a69fc178ba8f837' },
    count: 1,
    reason: /^span 5a69fc178ba8f837: this and 18 more records have trace\/span ids written in base64 .*converted to lower-case hex/,
    events: 25,
  },
  {
    anomaly: '31-hex-digit Jaeger trace id',
    file: 'jaeger/spanAmongEachOtherGroupedAndSpans.json',
    code: 'short-trace-id',
    locator: { spanId: '6962df17f54c3741' },
    count: 1,
    reason: /trace id df84e36b9e2ee3815d07f0867a5be1f has 31 hex digits .*read as 0df84e36b9e2ee3815d07f0867a5be1f/,
    events: 17,
  },
  {
    anomaly: 'duplicate span id (OTLP)',
    file: 'otlp/otlp2jaeger-in.json',
    code: 'duplicate-span-id',
    locator: { spanId: 'e127af99e3b3e074' },
    count: 1,
    reason: /appears more than once in trace 83a9efd15c1c98a977e0711cc93ee28b; both spans are kept/,
    events: 2,
  },
  {
    anomaly: 'duplicate span id (Jaeger, converted from OTLP)',
    file: 'jaeger/otlp2jaeger-out.json',
    code: 'duplicate-span-id',
    locator: { spanId: 'e127af99e3b3e074' },
    count: 1,
    reason: /appears more than once in trace 83a9efd15c1c98a977e0711cc93ee28b; both spans are kept/,
    events: 2,
  },
  {
    anomaly: 'duplicate span id (Jaeger UI fixture)',
    file: 'jaeger/ui_01.json',
    code: 'duplicate-span-id',
    locator: { spanId: '0000000000000002' },
    count: 1,
    reason: /appears more than once in trace 0+1; both spans are kept/,
    events: 7,
  },
  {
    anomaly: 'truncated JSON inside a message string (CloudWatch)',
    file: 'logs/valid_cloudwatch_log.json',
    code: 'truncated-json',
    locator: { index: 0 },
    count: 3,
    reason: /^index 0: the `message` field starts like JSON but it is cut off before its end; kept as plain text/,
    events: 3,
  },
  {
    anomaly: 'comment lines inside JSON lines',
    file: 'logs/all.log',
    code: 'comment-line',
    locator: { line: 1 },
    count: 3,
    reason: /^line 1: comment line, not JSON: # levels/,
    events: 18,
    unparsed: 4,
  },
  {
    anomaly: 'ANSI escapes in docker compose output',
    file: 'logs/logfile_docker_compose.0',
    code: 'ansi-escapes',
    locator: { line: 1 },
    count: 1,
    reason: /^line 1: this and 21 more lines had terminal colour\/control codes \(ANSI escapes\); removed from the message/,
    events: 22,
  },
];

async function ingest(file: string): Promise<{ events: EvidenceEvent[]; diagnostics: Diagnostic[]; firstBatch: Diagnostic[] }> {
  const events: EvidenceEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  let firstBatch: Diagnostic[] | null = null;
  // Small reads, so every anomaly also survives chunk boundaries (the BOM's three bytes included).
  const bytes = createReadStream(corpusPath(file), { highWaterMark: 1000 });
  for await (const chunk of readEvidence(bytes, { sourceName: file.split('/').pop() ?? file })) {
    if (chunk.kind !== 'batch') continue;
    firstBatch ??= chunk.diagnostics;
    events.push(...chunk.events);
    diagnostics.push(...chunk.diagnostics);
  }
  return { events, diagnostics, firstBatch: firstBatch ?? [] };
}

describe('corpus anomalies through readEvidence', () => {
  it.each(ANOMALIES)('$anomaly ($file): $code', async (a) => {
    const { events, diagnostics } = await ingest(a.file);
    const found = diagnostics.filter((d) => d.code === a.code);
    expect(found).toHaveLength(a.count);
    expect(found[0]?.locator).toEqual(a.locator);
    expect(found[0]?.message).toMatch(a.reason);
    // No valid record lost.
    expect(events).toHaveLength(a.events);
    expect(events.filter((e) => e.unparsed)).toHaveLength(a.unparsed ?? 0);
  });

  it('every diagnostic names its reason, and a located one the place too', async () => {
    for (const { file } of ANOMALIES) {
      for (const d of (await ingest(file)).diagnostics) {
        expect(d.code).toMatch(/^[a-z0-9-]+$/);
        expect(d.message.length).toBeGreaterThan(20);
        if (d.locator && 'line' in d.locator) expect(d.message).toContain(`line ${d.locator.line}`);
        if (d.locator && 'index' in d.locator) expect(d.message).toContain(`index ${d.locator.index}`);
        if (d.locator && 'spanId' in d.locator) expect(d.message).toContain(d.locator.spanId);
      }
    }
  });

  it('reports the BOM in the first batch, once', async () => {
    const { firstBatch, diagnostics } = await ingest('har/with-bom.har');
    expect(firstBatch[0]?.code).toBe('bom');
    expect(diagnostics.filter((d) => d.code === 'bom')).toHaveLength(1);
    const { diagnostics: clean } = await ingest('har/chrome.har');
    expect(clean.some((d) => d.code === 'bom')).toBe(false);
  });
});
