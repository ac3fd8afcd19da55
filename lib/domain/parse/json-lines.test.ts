import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import type { Diagnostic, EvidenceEvent } from '../event';
import { createJsonLinesParser } from './json-lines';
import { parseText } from './parse-text';

function parseLines(text: string, chunkSize = text.length || 1): { events: EvidenceEvent[]; diagnostics: Diagnostic[] } {
  const events: EvidenceEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const parser = createJsonLinesParser(
    { event: (e) => events.push(e), diagnostic: (d) => diagnostics.push(d) },
    { sourceName: 'app.log' },
  );
  for (let i = 0; i < text.length; i += chunkSize) parser.write(text.slice(i, i + chunkSize));
  parser.end();
  return { events, diagnostics };
}

describe('JSON lines', () => {
  it('all.log: comment and plain-text lines are unparsed events with a diagnostic naming the line', () => {
    const { events, diagnostics } = parseText(readCorpusText('logs/all.log'), 'all.log', 'jsonl');
    const unparsed = events.filter((e) => e.unparsed);
    expect(unparsed.map((e) => e.locator)).toEqual([{ line: 1 }, { line: 10 }, { line: 18 }, { line: 19 }]);
    expect(unparsed.map((e) => e.raw)).toEqual(['# levels', '# extra fields', '# bogus', 'not a JSON line']);
    expect(diagnostics.map((d) => [d.locator, d.code])).toEqual([
      [{ line: 1 }, 'comment-line'],
      [{ line: 10 }, 'comment-line'],
      [{ line: 18 }, 'comment-line'],
      [{ line: 19 }, 'not-json'],
    ]);
    expect(diagnostics[3]?.message).toContain('line 19');
    // Blank lines 9 and 17 are not records, yet line numbers still count them.
    const parsed = events.filter((e) => !e.unparsed);
    expect(parsed).toHaveLength(14);
    expect(parsed.map((e) => 'line' in e.locator && e.locator.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 20]);
    expect(parsed.slice(0, 7).map((e) => e.level)).toEqual(['trace', 'debug', 'info', 'warn', 'error', 'error', 'fatal']);
    // The object with a string holding an embedded newline stays one record.
    expect(parsed[9]?.attributes.three).toBe('multi\nline');
    expect(parsed[13]).toMatchObject({ attributes: { hi: 'there' }, service: 'all.log', ts: null });
  });

  it('normalizes each record through record.ts (pino: epoch ms, service.name, trace ids)', () => {
    const [event] = parseText(readCorpusText('logs/logfile_pino.0'), 'logfile_pino.0').events;
    expect(event).toMatchObject({
      locator: { line: 1 },
      ts: 1745532517537,
      service: 'payment',
      level: 'info',
      message: 'Charge request received.',
      ids: { traceId: 'c759f29f5f1e2162be56f32dd1e77fce', spanId: '17c4a60ca4297cf1' },
    });
  });

  it('journald: spaced JSON objects, one per line, with microsecond string timestamps', () => {
    const { events } = parseText(readCorpusText('logs/logfile_journald.json'), 'logfile_journald.json');
    expect(events.map((e) => e.ts)).toEqual([1534860261221373 / 1000, 1534860261221373 / 1000]);
    expect(events[0]?.message).toBe('GPS Reference longitude: 7.358143333');
  });

  it('withreq.log: the three lines share one req_id', () => {
    const { events } = parseText(readCorpusText('logs/withreq.log'), 'withreq.log');
    expect(new Set(events.map((e) => e.ids.requestId))).toEqual(new Set(['cce79d15-ffc2-487c-a4e4-e940bdaac31e']));
  });

  it('istio-proxy: the Docker json-file `log` string is an embedded record', () => {
    const [event] = parseText(readCorpusText('logs/socks_session-db-fdd649d68-cq5sp_istio-proxy.log'), 'x.log').events;
    expect(event?.level).toBe('info');
    expect(event?.ts).toBeCloseTo(Date.UTC(2018, 8, 21, 2, 56, 5) + 979.833, 3);
  });

  it('a JSON value that is not an object, and broken JSON, are unparsed with their reason', () => {
    const { events, diagnostics } = parseLines('[1,2]\n42\n{"a":\n{"ok":true}\n');
    expect(events.map((e) => e.unparsed)).toEqual([true, true, true, false]);
    expect(diagnostics.map((d) => d.code)).toEqual(['not-an-object', 'not-an-object', 'invalid-json']);
    expect(events[2]?.raw).toBe('{"a":');
  });

  it('skips blank and whitespace-only lines without losing line numbers; handles CRLF and a BOM', () => {
    const { events, diagnostics } = parseLines('\uFEFF{"msg":"a"}\r\n\r\n   \t\r\n{"msg":"b"}');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => [e.locator, e.message, e.raw])).toEqual([
      [{ line: 1 }, 'a', '{"msg":"a"}'],
      [{ line: 4 }, 'b', '{"msg":"b"}'],
    ]);
  });

  it('a message that is cut-off JSON stays text, with a truncated-json diagnostic naming the line', () => {
    const { events, diagnostics } = parseLines('{"msg":"ok"}\n{"level":"info","message":"{\\"user\\":{\\"id\\":7}"}\n{"msg":"[INFO] ready"}');
    expect(events.map((e) => [e.unparsed, e.message])).toEqual([
      [false, 'ok'],
      [false, '{"user":{"id":7}'],
      [false, '[INFO] ready'],
    ]);
    expect(diagnostics).toEqual([
      {
        locator: { line: 2 },
        code: 'truncated-json',
        message: 'line 2: the `message` field starts like JSON but it is cut off before its end; kept as plain text, its fields were not read',
      },
    ]);
  });

  it('caps each code at 200 diagnostics plus one "N more", like the text parsers', () => {
    const text = Array.from({ length: 250 }, (_, i) => `# comment ${i}`).join('\n');
    const { events, diagnostics } = parseLines(text);
    expect(events).toHaveLength(250);
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics[200]).toEqual({ locator: { line: 201 }, code: 'comment-line', message: '50 more comment-line problems not listed (250 in all)' });
  });

  it('gives identical events for any chunk size, with emoji and CJK split between chunks', () => {
    const text = [
      '{"msg":"顧客 😀 注文","level":"warn","request_id":"r-1"}',
      '# comment ✓',
      '{"msg":"🚀🚀","time":"2024-01-02T03:04:05.678Z"}',
      '',
    ].join('\n');
    const whole = parseLines(text);
    expect(whole.events[0]?.message).toBe('顧客 😀 注文');
    for (let size = 1; size <= 9; size++) expect(parseLines(text, size)).toEqual(whole);
  });
});
