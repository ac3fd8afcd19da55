import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import { detectFormat } from './detect';
import { parseText } from './parse-text';
import { MAX_RECORD_CHARS } from './text-lines';
import { parseTextHeader } from './text-header';

describe('text lines: corpus', () => {
  it('logfile_zap_console.0: 9 lines are 3 events, the stack trace attached to the error', () => {
    const text = readCorpusText('logs/logfile_zap_console.0');
    expect(detectFormat(text).format).toBe('text');
    const { events, diagnostics } = parseText(text, 'otelcol.log');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => [e.locator, e.level])).toEqual([
      [{ line: 1 }, 'info'],
      [{ line: 2 }, 'error'],
      [{ line: 9 }, 'info'],
    ]);
    const [metrics, failure] = events;
    expect(metrics?.ts).toBe(Date.UTC(2025, 3, 24, 22, 9, 20, 854));
    expect(metrics?.message).toBe('Metrics');
    expect(metrics?.attributes).toMatchObject({ 'otelcol.component.id': 'debug', 'data points': 60 });
    expect(failure?.ts).toBe(Date.UTC(2025, 3, 24, 22, 9, 20, 856));
    expect(failure?.attributes).toMatchObject({ caller: 'internal/queue_sender.go:128', dropped_items: 60 });
    expect(failure?.attributes.error).toMatch(/responded with HTTP Status Code 500$/);
    const lines = failure?.message?.split('\n') ?? [];
    expect(lines[0]).toBe('Exporting failed. Dropping data.');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('     go.opentelemetry.io/collector/exporter@v0.120.0/exporterqueue/async_queue.go:47');
    expect(failure?.raw.split('\n')).toHaveLength(7);
    expect(failure?.service).toBe('otelcol.log');
  });

  it('logfile_docker_compose.0: 22 events, escapes stripped, services from the prefix, redis times read', () => {
    const text = readCorpusText('logs/logfile_docker_compose.0');
    expect(detectFormat(text).format).toBe('text');
    const { events, diagnostics } = parseText(text, 'compose.log');
    expect(events).toHaveLength(22);
    expect(events.every((e) => !e.unparsed)).toBe(true);
    expect(events.some((e) => e.message?.includes('\x1b'))).toBe(false);
    expect(events.every((e) => e.raw.startsWith('\x1b[2K'))).toBe(true);
    expect(events.filter((e) => e.service === 'web')).toHaveLength(10);
    expect(events.filter((e) => e.service === 'redis')).toHaveLength(12);
    const warning = events[2];
    expect(warning?.message).toBe('WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.');
    expect(warning?.ts).toBeNull();
    expect(warning?.level).toBe('warn'); // the upper-case level word that opens the message
    expect(warning?.attributes.container).toBe('web-1');
    const redisStart = events[10];
    expect(redisStart?.ts).toBe(Date.UTC(2024, 3, 25, 5, 32, 35, 18));
    expect(redisStart?.level).toBe('info');
    expect(redisStart?.message).toBe('oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    expect(events[12]?.level).toBe('warn'); // `#` mark
    expect(events[14]?.attributes).toMatchObject({ pid: '1', role: 'M', port: '6379' });
    expect(events[21]?.ts).toBe(Date.UTC(2024, 3, 25, 5, 54, 43, 948));
    expect(events.filter((e) => e.ts === null)).toHaveLength(11);
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([
      ['missing-timestamp', { line: 1 }],
      ['ansi-escapes', { line: 1 }],
    ]);
    expect(diagnostics[1]?.message).toBe(
      'line 1: this and 21 more lines had terminal colour/control codes (ANSI escapes); removed from the message, kept in the raw text',
    );
  });
});

describe('text lines: shapes', () => {
  const log4j = [
    'Starting service...',
    '2024-05-01 10:00:00,123 [main] INFO  com.acme.Cart - cart ready port=8080',
    '2024-05-01 10:00:01,500 [http-1] ERROR com.acme.Api - add failed request_id=r-9 duration_ms=250',
    'java.lang.IllegalStateException: out of stock',
    '\tat com.acme.Cart.add(Cart.java:42)',
    '',
    'Caused by: java.sql.SQLException: deadlock',
    '2024-05-01T10:00:02.000+02:00 WARN slow',
  ].join('\n');

  it('reads level, thread, logger and pairs; continuation lines attach; early lines are unparsed', () => {
    const { events, diagnostics } = parseText(log4j, 'cart.log', 'text');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ line: 1 }, true],
      [{ line: 2 }, false],
      [{ line: 3 }, false],
      [{ line: 8 }, false],
    ]);
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([['no-timestamp', { line: 1 }]]);
    const [, ready, failed, slow] = events;
    expect(ready?.ts).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(ready?.level).toBe('info');
    expect(ready?.attributes).toMatchObject({ thread: 'main', logger: 'com.acme.Cart', port: '8080' });
    expect(ready?.message).toBe('cart ready port=8080');
    expect(failed?.level).toBe('error');
    expect(failed?.ids.requestId).toBe('r-9');
    expect(failed?.interval).toEqual([Date.UTC(2024, 4, 1, 10, 0, 1, 250), Date.UTC(2024, 4, 1, 10, 0, 1, 500)]);
    expect(failed?.message).toBe(
      'add failed request_id=r-9 duration_ms=250\njava.lang.IllegalStateException: out of stock\n\tat com.acme.Cart.add(Cart.java:42)\nCaused by: java.sql.SQLException: deadlock',
    );
    expect(failed?.raw.split('\n')).toHaveLength(4); // the blank line is not part of the record
    expect(slow?.ts).toBe(Date.UTC(2024, 4, 1, 8, 0, 2));
    expect(slow?.level).toBe('warn');
    expect(slow?.message).toBe('slow');
  });

  it('gives the same events in 7-character chunks, with CRLF, and without a final newline', () => {
    const variants = parseVariants(log4j, 'cart.log', 'text');
    expect(variants.chunked.events).toEqual(variants.whole.events);
    expect(variants.crlf.events).toEqual(variants.whole.events);
    expect(parseText(log4j + '\n', 'cart.log', 'text').events).toEqual(variants.whole.events);
    const zap = readCorpusText('logs/logfile_zap_console.0');
    expect(parseText(zap, 'z', 'text', 7).events).toEqual(parseText(zap, 'z', 'text').events);
  });

  it('reads Python logging, bracketed times and prose that only looks like a header', () => {
    expect(parseTextHeader('2024-05-01 10:00:00,123 - payments - ERROR - card declined')).toMatchObject({
      level: 'ERROR',
      message: 'card declined',
      fields: { logger: 'payments' },
    });
    expect(parseTextHeader('[2024-05-01 10:00:00] error: disk full')).toMatchObject({ level: 'error', message: 'disk full' });
    expect(parseTextHeader('2024-05-01T10:00:00Z user - logged in')).toMatchObject({ level: null, message: 'user - logged in', fields: {} });
    expect(parseTextHeader('2024-05-01T10:00:00Z Information about [x]')).toMatchObject({ level: null, message: 'Information about [x]' });
    expect(parseTextHeader('2024-05-01 not a time')).toBeNull();
    expect(parseTextHeader('12:00:00 INFO no date')).toBeNull();
  });

  it('closes a runaway record at MAX_RECORD_CHARS; the lines after it are unparsed, not lost', () => {
    const filler = 'x'.repeat(999);
    const count = Math.ceil(MAX_RECORD_CHARS / 1000) + 5;
    const input = ['2024-05-01T10:00:00Z ERROR dump', ...Array.from({ length: count }, () => filler), '2024-05-01T10:00:01Z INFO next'].join('\n');
    const { events, diagnostics } = parseText(input, 'dump.log', 'text');
    const [dump] = events;
    expect(dump?.raw.length).toBeGreaterThan(MAX_RECORD_CHARS);
    expect(dump?.raw.length).toBeLessThan(MAX_RECORD_CHARS + 1000);
    const rest = events.slice(1, -1);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((e) => e.unparsed && e.raw === filler)).toBe(true);
    expect((dump?.raw.split('\n').length ?? 0) + rest.length).toBe(count + 1); // every line accounted for
    expect(events[events.length - 1]?.message).toBe('next');
    expect(diagnostics.every((d) => d.code === 'record-too-long')).toBe(true);
  });
});
