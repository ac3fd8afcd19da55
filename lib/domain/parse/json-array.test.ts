import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import { parseText } from './parse-text';
import { splitConcatenatedJson } from './json-array';

const json = (text: string, chunkSize?: number) => parseText(text, 'export.json', 'json', chunkSize);

describe('JSON array / object documents', () => {
  it('CloudWatch payload: one event per logEvents element; a truncated JSON string message is text, diagnosed', () => {
    const { events, diagnostics } = parseText(readCorpusText('logs/valid_cloudwatch_log.json'), 'cw.json');
    expect(diagnostics).toEqual(
      [0, 1, 2].map((index) => ({
        locator: { index },
        code: 'truncated-json',
        message: `index ${index}: the \`message\` field starts like JSON but it is cut off before its end; kept as plain text, its fields were not read`,
      })),
    );
    expect(events.map((e) => e.locator)).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
    for (const event of events) {
      expect(event.unparsed).toBe(false);
      expect(event.ts).toBe(1432826855000);
      expect(event.message).toBe('{"eventVersion":"1.03","userIdentity":{"type":"Root"}');
      expect(event.attributes.id).toMatch(/^319531066069669833788090250798042111432896154242982215\d\d$/);
    }
    expect(events[0]?.raw).toContain('"id": "31953106606966983378809025079804211143289615424298221568"');
  });

  it('Kubernetes EventList: the items are the records', () => {
    const { events } = parseText(readCorpusText('logs/eventlist_v1_with_lastTimestamp.json'), 'events.json');
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toBe('minikube_31f5cdfb-29b0-4f84-9f9c-585088e9235f stopped leading');
    expect(events[0]?.attributes.reason).toBe('LeaderElection');
    // eventTime is null in core/v1 Events: lastTimestamp dates the event.
    expect(events[0]?.ts).toBe(Date.UTC(2023, 11, 24, 9, 29, 51));
  });

  it('Google Cloud LogEntry: a single object is one event, with its cloud trace id', () => {
    const { events } = parseText(readCorpusText('logs/global_external_application_load_balancer.json'), 'lb.json');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      locator: { index: 0 },
      ts: expect.closeTo(Date.UTC(2025, 10, 20, 13, 35, 27) + 558.637, 3),
      level: 'info',
      ids: { traceId: '5334e0e7aee6ec1b1a8c34db601241ab', spanId: 'e9004ce8eccc7c2d' },
    });
  });

  it('non-object elements and unparsable elements are unparsed, the rest still parse', () => {
    const { events, diagnostics } = json('[{"msg":"a"}, 7, "s", {"msg":"b"}]');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ index: 0 }, false],
      [{ index: 1 }, true],
      [{ index: 2 }, true],
      [{ index: 3 }, false],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['not-an-object', 'not-an-object']);
  });

  it('a truncated array: events for complete elements, the rest unparsed, and a truncated diagnostic', () => {
    const { events, diagnostics } = json('[{"msg":"a"},\n {"msg":"b"},\n {"msg":"c", "x": [1, 2');
    expect(events.map((e) => e.unparsed)).toEqual([false, false, true]);
    expect(events[2]).toMatchObject({ locator: { index: 2 }, raw: '{"msg":"c", "x": [1, 2' });
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([['truncated', { index: 2 }]]);
  });

  it('an array missing only its closing bracket keeps its last complete element', () => {
    const { events, diagnostics } = json('[{"msg":"a"}, {"msg":"b"}');
    expect(events.map((e) => e.message)).toEqual(['a', 'b']);
    expect(diagnostics.map((d) => d.code)).toEqual(['truncated']);
  });

  it('pretty-printed objects written one after another (jq output) are one record each', () => {
    const text = '{\n  "msg": "a"\n}\n{\n  "msg": "b",\n  "s": "}{"\n}\n';
    expect(json(text).events.map((e) => [e.locator, e.message])).toEqual([
      [{ index: 0 }, 'a'],
      [{ index: 1 }, 'b'],
    ]);
    expect(splitConcatenatedJson('{"a":"\\"}"} [1] {"b":')).toEqual(['{"a":"\\"}"}', '[1]', '{"b":']);
  });

  it('is independent of chunk boundaries, multi-byte text included', () => {
    const text = JSON.stringify({ logEvents: [{ message: '😀 café 漢字', timestamp: 1 }, { message: 'b' }] }, null, 2);
    const whole = json(text);
    expect(whole.events.map((e) => e.message)).toEqual(['😀 café 漢字', 'b']);
    for (let size = 1; size <= 7; size++) expect(json(text, size)).toEqual(whole);
  });

  it('refuses input that is not JSON at all', () => {
    expect(() => json('hello')).toThrow(/expected a JSON array or object/);
  });
});
