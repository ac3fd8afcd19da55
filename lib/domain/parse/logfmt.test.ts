import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import { detectFormat } from './detect';
import { parseText } from './parse-text';

describe('logfmt', () => {
  const text = readCorpusText('logs/logfile_logfmt.0');

  it('logfile_logfmt.0 (logrus): detected, 5 events with time, level and message', () => {
    expect(detectFormat(text).format).toBe('logfmt');
    const { events, diagnostics } = parseText(text, 'virtual-kubelet.log');
    expect(events).toHaveLength(5);
    expect(events.every((e) => !e.unparsed)).toBe(true);
    expect(diagnostics).toEqual([]);
    const [first, second] = events;
    expect(first?.locator).toEqual({ line: 1 });
    // time="2021-09-15T21:17:10.220731Z": microseconds kept as the fraction of a millisecond.
    expect(first?.ts).toBeCloseTo(Date.UTC(2021, 8, 15, 21, 17, 10, 220) + 0.731, 6);
    expect(first?.level).toBe('error');
    expect(first?.message).toMatch(/^error retrieving pod status: pod inc-1-enh-domain-c14-ns-2\//);
    expect(first?.attributes.reason).toBe(''); // `reason=` is an empty value, not a missing key
    expect(first?.attributes.namespace).toBe('inc-1-enh-domain-c14-ns-2');
    expect(second?.level).toBe('warn'); // level=warning
    expect(second?.attributes.error).toBe('pod inc-1-domain-c14-ns-6/fe-inc-1-domain-c14-ns-6-5-656d9bb695-4584b is not found: PodNotFound');
    expect(events.map((e) => e.raw)).toEqual(text.trimEnd().split('\n'));
  });

  it('gives the same events in 7-character chunks, with CRLF, and without a final newline', () => {
    const variants = parseVariants(text, 'k.log', 'logfmt');
    expect(variants.chunked.events).toEqual(variants.whole.events);
    expect(variants.crlf.events).toEqual(variants.whole.events);
    expect(parseText(text.trimEnd(), 'k.log', 'logfmt').events).toEqual(variants.whole.events);
  });

  it('reads quoting, escapes, flags, identity and durations', () => {
    const line =
      'ts=2024-05-01T10:00:00.500Z level=INFO svc=cart msg="said \\"hi\\"\\tthere" request_id=r-1 trace_id=0AF7651916CD43DD8448EB211C80319C duration_ms=250 cached';
    const [event] = parseText(line, 'cart.log', 'logfmt').events;
    expect(event?.ts).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 500));
    expect(event?.interval).toEqual([Date.UTC(2024, 4, 1, 10, 0, 0, 250), Date.UTC(2024, 4, 1, 10, 0, 0, 500)]);
    expect(event?.service).toBe('cart');
    expect(event?.level).toBe('info');
    expect(event?.message).toBe('said "hi"\tthere');
    expect(event?.ids.requestId).toBe('r-1');
    expect(event?.ids.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(event?.attributes.cached).toBe(true);
    expect(event?.attributes).not.toHaveProperty('request_id');
  });

  it('keeps a line without pairs as an unparsed event, skips blank lines, counts every line', () => {
    const input = 'level=info msg=start\n\ngoroutine 1 [running]:\n   \nlevel=error msg="unterminated\n';
    const { events, diagnostics } = parseText(input, 'svc.log', 'logfmt');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ line: 1 }, false],
      [{ line: 3 }, true],
      [{ line: 5 }, false],
    ]);
    expect(events[1]?.raw).toBe('goroutine 1 [running]:');
    expect(events[2]?.message).toBe('unterminated');
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([
      ['not-logfmt', { line: 3 }],
      ['unterminated-quote', { line: 5 }],
    ]);
    expect(diagnostics[0]?.message).toContain('line 3');
  });

  it('strips terminal colours from fields but keeps them in raw', () => {
    const line = '\x1b[36mlevel\x1b[0m=info msg="\x1b[1mready\x1b[0m"';
    const [event] = parseText(line, 'svc.log', 'logfmt').events;
    expect(event?.level).toBe('info');
    expect(event?.message).toBe('ready');
    expect(event?.raw).toBe(line);
  });

  it('lists the first 200 problems of a code, then says how many more there were', () => {
    const input = Array.from({ length: 250 }, (_, i) => `not logfmt ${i}`).join('\n');
    const { events, diagnostics } = parseText(input, 'junk.log', 'logfmt');
    expect(events).toHaveLength(250);
    expect(events.every((e) => e.unparsed)).toBe(true);
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics[200]).toEqual({ locator: { line: 201 }, code: 'not-logfmt', message: '50 more not-logfmt problems not listed (250 in all)' });
  });
});

