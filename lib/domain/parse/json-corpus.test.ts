/**
 * Every HAR, OTLP, Jaeger and Zipkin file of the shared corpus, and its JSON-family logs:
 * detected format (from the head, as the pipeline does), record counts (checked against
 * MANIFEST.md and by walking each file), and the same result whatever the chunk size.
 */
import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { detectFormat, DETECT_HEAD_CHARS } from './detect';
import type { FormatId } from './formats';
import { parseText } from './parse-text';

interface Expectation {
  format: FormatId;
  /** Events emitted: records, plus span events / span logs where noted. */
  events: number;
  unparsed?: number;
  locator: 'line' | 'index' | 'spanId' | 'mixed';
}

const EXPECTED: Record<string, Expectation> = {
  'har/charles.har': { format: 'har', events: 1, locator: 'index' },
  'har/chrome.har': { format: 'har', events: 3, locator: 'index' },
  'har/firefox.har': { format: 'har', events: 14, locator: 'index' },
  'har/safari.har': { format: 'har', events: 19, locator: 'index' },
  'har/timed_out.har': { format: 'har', events: 33, locator: 'index' },
  'har/websocket.har': { format: 'har', events: 3, locator: 'index' },
  'har/with-bom.har': { format: 'har', events: 1, locator: 'index' },
  // 40 spans + 52 span events (HotROD's log lines).
  'otlp/getTrace-response.json': { format: 'otlp', events: 92, locator: 'mixed' },
  'otlp/logfile_otel_collector.jsonl': { format: 'otlp', events: 11, locator: 'index' },
  'otlp/logs.json': { format: 'otlp', events: 1, locator: 'index' },
  'otlp/otlp2jaeger-in.json': { format: 'otlp', events: 2, locator: 'spanId' },
  'otlp/otlp2jaeger-multi-in.json.txt': { format: 'otlp', events: 4, locator: 'spanId' },
  'otlp/test_logs_001.in.json': { format: 'otlp', events: 4, locator: 'index' },
  'otlp/trace.json': { format: 'otlp', events: 1, locator: 'spanId' },
  // 19 spans + 6 span events.
  'otlp/traces.jsonl': { format: 'otlp', events: 25, locator: 'mixed' },
  'jaeger/oltp2jaeger-multi-out.json': { format: 'jaeger', events: 4, locator: 'spanId' },
  'jaeger/otlp2jaeger-out.json': { format: 'jaeger', events: 2, locator: 'spanId' },
  'jaeger/spanAmongEachOtherGroupedAndSpans.json': { format: 'jaeger', events: 17, locator: 'spanId' },
  'jaeger/trace_success.json': { format: 'jaeger', events: 2, locator: 'spanId' },
  // 5 spans + 2 span logs.
  'jaeger/ui_01.json': { format: 'jaeger', events: 7, locator: 'mixed' },
  'zipkin/messaging-kafka.json': { format: 'zipkin', events: 28, locator: 'spanId' },
  'zipkin/skew.json': { format: 'zipkin', events: 4, locator: 'spanId' },
  'zipkin/smartthings-mobile-web-install.json': { format: 'zipkin', events: 1041, locator: 'spanId' },
  'zipkin/smartthings-oauth-authorization.json': { format: 'zipkin', events: 175, locator: 'spanId' },
  'zipkin/yelp.json': { format: 'zipkin', events: 16, locator: 'spanId' },
  'logs/logfile_bunyan.0': { format: 'jsonl', events: 10, locator: 'line' },
  'logs/withreq.log': { format: 'jsonl', events: 3, locator: 'line' },
  // 13 bunyan lines + {"hi": "there"} + 3 comment lines + 1 plain-text line; blank lines are not records.
  'logs/all.log': { format: 'jsonl', events: 18, unparsed: 4, locator: 'line' },
  'logs/logfile_journald.json': { format: 'jsonl', events: 2, locator: 'line' },
  'logs/logfile_pino.0': { format: 'jsonl', events: 1, locator: 'line' },
  'logs/logfile_caddy_log.1': { format: 'jsonl', events: 4, locator: 'line' },
  'logs/socks_session-db-fdd649d68-cq5sp_istio-proxy.log': { format: 'jsonl', events: 1, locator: 'line' },
  'logs/eventlist_v1_with_lastTimestamp.json': { format: 'json', events: 1, locator: 'index' },
  'logs/global_external_application_load_balancer.json': { format: 'json', events: 1, locator: 'index' },
  'logs/valid_cloudwatch_log.json': { format: 'json', events: 3, locator: 'index' },
};

const TRACE_DIRS = ['har', 'otlp', 'jaeger', 'zipkin'];

describe('JSON-family corpus files', () => {
  it('has an expectation for every file of the HAR and trace directories', () => {
    const files = TRACE_DIRS.flatMap(listCorpusDir);
    expect(files.length).toBe(25);
    for (const file of files) expect(Object.keys(EXPECTED)).toContain(file);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    describe(file, () => {
      const text = readCorpusText(file);
      const name = file.split('/').pop() ?? file;

      it(`is detected as ${expected.format}`, () => {
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        expect(detectFormat(body.slice(0, DETECT_HEAD_CHARS)).format).toBe(expected.format);
      });

      it(`yields ${expected.events} events, ${expected.unparsed ?? 0} unparsed`, () => {
        const parsed = parseText(text, name);
        expect(parsed.format).toBe(expected.format);
        expect(parsed.events).toHaveLength(expected.events);
        expect(parsed.events.filter((e) => e.unparsed)).toHaveLength(expected.unparsed ?? 0);
        for (const event of parsed.events) {
          expect(event.raw.length).toBeGreaterThan(0);
          const kinds = Object.keys(event.locator);
          expect(kinds).toHaveLength(1);
          if (expected.locator !== 'mixed') expect(kinds[0]).toBe(expected.locator);
          if (!event.unparsed) expect(event.service).not.toBeNull();
        }
      });

      it('gives the same events and diagnostics for small chunks', () => {
        const whole = parseText(text, name);
        const chunked = parseText(text, name, undefined, text.length > 100_000 ? 997 : 7);
        expect(chunked).toEqual(whole);
      });
    });
  }
});
