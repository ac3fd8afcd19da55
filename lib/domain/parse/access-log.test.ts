import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import { parseClfTimestamp } from './access-log';
import { detectFormat } from './detect';
import { parseText } from './parse-text';

describe('access log', () => {
  it('apache_logs: 10,000 combined lines, the one with a truncated user agent kept', () => {
    const text = readCorpusText('logs/apache_logs');
    expect(detectFormat(text.slice(0, 65_536)).format).toBe('access-log');
    const { events, diagnostics } = parseText(text, 'apache_logs');
    expect(events).toHaveLength(10_000);
    expect(events.filter((e) => e.unparsed)).toHaveLength(0);
    const first = events[0];
    expect(first?.ts).toBe(Date.UTC(2015, 4, 17, 10, 5, 3));
    expect(first?.name).toBe('GET /presentations/logstash-monitorama-2013/images/kibana-search.png');
    expect(first?.status).toBe('200');
    expect(first?.service).toBe('apache_logs');
    expect(first?.attributes).toMatchObject({
      client_ip: '83.149.9.216',
      bytes: 203023,
      protocol: 'HTTP/1.1',
      referer: 'http://semicomplete.com/presentations/logstash-monitorama-2013/',
    });
    expect(first?.attributes.user_agent).toMatch(/^Mozilla\/5\.0 \(Macintosh/);
    expect(first?.attributes).not.toHaveProperty('user'); // `-` is absent
    // Line 8899 ends inside its user agent's quotes (cut in the dataset itself).
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([['truncated-line', { line: 8899 }]]);
    const cut = events[8898];
    expect(cut?.locator).toEqual({ line: 8899 });
    expect(cut?.name).toBe('GET /scripts/grok-py-test/configlib.py');
    expect(cut?.attributes.truncated).toBe(true);
  });

  it('logfile_shop_access_log.0: the +0330 offset is applied, the trailing "-" field is absent', () => {
    const text = readCorpusText('logs/logfile_shop_access_log.0');
    expect(detectFormat(text.slice(0, 65_536)).format).toBe('access-log');
    const { events, diagnostics } = parseText(text, 'shop_access.log');
    expect(events).toHaveLength(1000);
    expect(diagnostics).toEqual([]);
    // [22/Jan/2019:03:56:14 +0330] is 00:26:14 UTC.
    expect(events[0]?.ts).toBe(Date.UTC(2019, 0, 22, 0, 26, 14));
    expect(events[1]?.name).toBe('GET /image/60844/productModel/200x200');
    expect(events[1]?.attributes).not.toHaveProperty('x_forwarded_for');
    expect(events[1]?.attributes).not.toHaveProperty('extra');
  });

  it('reads common format, vhosts, negative offsets, extra fields and bad request lines', () => {
    const input = [
      '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
      'shop.example:443 10.0.0.2 - - [10/Oct/2000:13:55:36 +0000] "POST /api/cart HTTP/2.0" 502 - "-" "curl/8" "10.1.1.1, 10.2.2.2" rid-42 0.120',
      '10.0.0.3 - - [10/Oct/2000:13:55:37 +0000] "\\x16\\x03\\x01" 400 157 "-" "-"',
      'this is not an access log line',
    ].join('\n');
    const { events, diagnostics } = parseText(input, 'edge.log', 'access-log');
    expect(events[0]?.ts).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(events[0]?.attributes).toMatchObject({ user: 'frank', bytes: 2326 });
    expect(events[1]?.name).toBe('POST /api/cart');
    expect(events[1]?.status).toBe('502');
    expect(events[1]?.attributes).toMatchObject({
      vhost: 'shop.example:443',
      client_ip: '10.0.0.2',
      user_agent: 'curl/8',
      x_forwarded_for: '10.1.1.1, 10.2.2.2',
      extra: ['rid-42', '0.120'],
    });
    expect(events[1]?.attributes).not.toHaveProperty('bytes');
    expect(events[1]?.ids.requestId).toBeNull(); // a trailing token is not guessed to be an id
    expect(events[2]?.name).toBeNull();
    expect(events[2]?.attributes.request).toBe('\\x16\\x03\\x01');
    expect(events[3]?.unparsed).toBe(true);
    expect(events[3]?.raw).toBe('this is not an access log line');
    expect(diagnostics.map((d) => d.code)).toEqual(['not-access-log']);
  });

  it('gives the same events in 7-character chunks and with CRLF', () => {
    const text = readCorpusText('logs/logfile_shop_access_log.0').split('\n').slice(0, 200).join('\n');
    const variants = parseVariants(text, 'shop.log', 'access-log');
    expect(variants.whole.events).toHaveLength(200);
    expect(variants.chunked.events).toEqual(variants.whole.events);
    expect(variants.crlf.events).toEqual(variants.whole.events);
  });

  it('rejects impossible times', () => {
    expect(parseClfTimestamp('32/Oct/2000:13:55:36 -0700')).toBeNull();
    expect(parseClfTimestamp('10/Foo/2000:13:55:36 -0700')).toBeNull();
    expect(parseClfTimestamp('10/Oct/2000:13:55:36 +05:30')).toBe(Date.UTC(2000, 9, 10, 8, 25, 36));
  });
});
