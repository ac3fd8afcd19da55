import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import { detectFormat } from './detect';
import { parseText } from './parse-text';

const RFC5424_TS = Date.UTC(2015, 7, 5, 21, 58, 59, 693);

describe('syslog: corpus', () => {
  it('RFC5424: time, level from PRI, app as service, structured data as fields', () => {
    const text = readCorpusText('logs/RFC5424');
    expect(detectFormat(text).format).toBe('syslog');
    const { events, diagnostics } = parseText(text, 'RFC5424');
    expect(diagnostics).toEqual([]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.ts).toBe(RFC5424_TS);
    expect(event?.level).toBe('info'); // <86>: facility 10 (authpriv), severity 6 (informational)
    expect(event?.service).toBe('SecureAuth0');
    expect(event?.message).toBe("Found the user for retrieving user's profile");
    expect(event?.attributes).toEqual({
      UserHostAddress: '192.168.2.132',
      Realm: 'SecureAuth0',
      UserID: 'Tester2',
      PEN: '27389',
      host: '192.168.2.132',
      pid: '23108',
      msgid: 'ID52020',
      facility: 'authpriv',
    });
    expect(event?.raw).toBe(text);
  });

  it('rfc6587-octet-counting: the framed message gives the same event', () => {
    const text = readCorpusText('logs/rfc6587-octet-counting');
    expect(detectFormat(text).format).toBe('syslog');
    const { events, diagnostics } = parseText(text, 'RFC5424');
    expect(diagnostics).toEqual([]);
    expect(events).toEqual(parseText(readCorpusText('logs/RFC5424'), 'RFC5424').events);
  });

  it('RFC3164: level from PRI, tag as service; no year, so no ts, said once', () => {
    const text = readCorpusText('logs/RFC3164');
    expect(detectFormat(text).format).toBe('syslog');
    const { events, diagnostics } = parseText(text, 'RFC3164');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.ts).toBeNull();
    expect(event?.level).toBe('fatal'); // <34>: severity 2 (critical)
    expect(event?.service).toBe('apache_server');
    expect(event?.message).toBe('test message');
    expect(event?.attributes).toMatchObject({ host: '1.2.3.4', facility: 'auth', syslog_time: 'Feb  4 11:14:27' });
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([['year-less-timestamp', { line: 1 }]]);
  });
});

describe('syslog: framing and forms', () => {
  it('reads back-to-back octet-counted frames, counting UTF-8 bytes, in any chunking', () => {
    const a = '<165>1 2024-05-01T10:00:00.000Z web01 cart 42 - - stock für item=7 ändert';
    const b = '<11>1 2024-05-01T10:00:01Z web01 cart 42 ERR [meta x="1\\]2"] failed\nsecond line';
    const bytes = (s: string): number => new TextEncoder().encode(s).length;
    const text = `${bytes(a)} ${a}${bytes(b)} ${b}\n40 <14>1 - - - `;
    const whole = parseText(text, 'drain', 'syslog');
    expect(whole.events.map((e) => [e.locator, e.unparsed, e.level, e.message])).toEqual([
      [{ line: 1 }, false, 'info', 'stock für item=7 ändert'],
      [{ line: 1 }, false, 'error', 'failed\nsecond line'],
      [{ line: 3 }, true, null, 'truncated frame: 40 octets announced, the input ended first'],
    ]);
    expect(whole.events[0]?.attributes.item).toBe('7');
    expect(whole.events[1]?.attributes.x).toBe('1]2');
    expect(whole.events[1]?.attributes.msgid).toBe('ERR');
    for (const size of [1, 3, 7]) expect(parseText(text, 'drain', 'syslog', size).events).toEqual(whole.events);
  });

  it('reads BSD lines without PRI, rsyslog ISO times, and keeps strangers as unparsed', () => {
    const text = [
      'Oct 11 22:14:15 mymachine su[230]: sudo failed for lonvick on /dev/pts/8',
      '',
      '2024-05-01T10:00:00.250+02:00 web01 nginx: reload',
      'just some words',
    ].join('\n');
    const variants = parseVariants(text, 'messages', 'syslog');
    expect(variants.chunked.events).toEqual(variants.whole.events);
    expect(variants.crlf.events).toEqual(variants.whole.events);
    const { events, diagnostics } = variants.whole;
    expect(events.map((e) => [e.locator, e.service, e.unparsed])).toEqual([
      [{ line: 1 }, 'su', false],
      [{ line: 3 }, 'nginx', false],
      [{ line: 4 }, null, true],
    ]);
    expect(events[0]?.attributes).toMatchObject({ host: 'mymachine', pid: '230' });
    expect(events[0]?.level).toBeNull();
    expect(events[1]?.ts).toBe(Date.UTC(2024, 4, 1, 8, 0, 0, 250));
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['not-syslog', 'year-less-timestamp']);
  });
});
