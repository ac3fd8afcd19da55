import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import { detectFormat } from './detect';
import { parseText } from './parse-text';
import { bsdTimeBefore } from './syslog-message';

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

describe('syslog: year-less RFC 3164 times with a reference time', () => {
  const text = readCorpusText('logs/RFC3164'); // <34>Feb  4 11:14:27 ...
  const reference = Date.UTC(2024, 2, 5, 10, 0, 0); // an upload on 2024-03-05

  it('RFC3164: dated in the reference year, the time as written kept, the year said', () => {
    const { events, diagnostics } = parseText(text, 'RFC3164', undefined, undefined, {
      referenceTimeMs: reference,
      referenceTimeLabel: 'when the file was uploaded',
    });
    expect(events[0]?.ts).toBe(Date.UTC(2024, 1, 4, 11, 14, 27));
    expect(events[0]?.attributes.syslog_time).toBe('Feb  4 11:14:27');
    expect(diagnostics).toEqual([
      {
        locator: { line: 1 },
        code: 'year-less-timestamp',
        message:
          'line 1: 1 RFC 3164 timestamp has no year: dated 2024, the most recent year that puts it at or before one day after ' +
          '2024-03-05T10:00:00.000Z (when the file was uploaded), as syslog readers do; the time as written is kept in syslog_time',
      },
    ]);
  });

  it('RFC3164: a reference before Feb 4 puts the line in the year before', () => {
    const { events } = parseText(text, 'RFC3164', undefined, undefined, { referenceTimeMs: Date.UTC(2024, 0, 20) });
    expect(events[0]?.ts).toBe(Date.UTC(2023, 1, 4, 11, 14, 27));
  });

  it('crosses the year boundary line by line, and names both years', () => {
    const lines = ['Dec 31 23:59:58 web01 app: old year', 'Jan  1 00:00:02 web01 app: new year'].join('\n');
    const { events, diagnostics } = parseText(lines, 'messages', 'syslog', undefined, { referenceTimeMs: Date.UTC(2025, 0, 2, 8, 0) });
    expect(events.map((e) => e.ts)).toEqual([Date.UTC(2024, 11, 31, 23, 59, 58), Date.UTC(2025, 0, 1, 0, 0, 2)]);
    expect(diagnostics[0]?.message).toContain('2 RFC 3164 timestamps have no year: dated 2024 and 2025,');
  });

  it('bsdTimeBefore: at or before the reference + 1 day, the most recent such date', () => {
    const jan2 = Date.UTC(2025, 0, 2, 12, 0, 0);
    expect(bsdTimeBefore('Dec 31 10:00:00', jan2)).toEqual({ ts: Date.UTC(2024, 11, 31, 10), year: 2024 });
    expect(bsdTimeBefore('Jan  2 11:00:00', jan2)?.year).toBe(2025);
    // Up to a day ahead of the reference (a sender's clock or zone ahead) is still this year...
    expect(bsdTimeBefore('Jan  3 11:59:59', jan2)?.year).toBe(2025);
    // ...beyond that it is last year's.
    expect(bsdTimeBefore('Jan  3 12:00:01', jan2)?.year).toBe(2024);
    expect(bsdTimeBefore('Feb 29 08:00:00.250', jan2)).toEqual({ ts: Date.UTC(2024, 1, 29, 8, 0, 0, 250), year: 2024 });
    expect(bsdTimeBefore('Feb 29 08:00:00', Date.UTC(2023, 5, 1))?.year).toBe(2020);
    expect(bsdTimeBefore('Feb 30 08:00:00', jan2)).toBeNull();
    expect(bsdTimeBefore('Foo  1 08:00:00', jan2)).toBeNull();
  });

  it('without a reference time nothing changes: ts null, said once', () => {
    const { events, diagnostics } = parseText(text, 'RFC3164');
    expect(events[0]?.ts).toBeNull();
    expect(diagnostics[0]?.message).toBe(
      'line 1: 1 RFC 3164 timestamp has no year; its event keeps the time as written (syslog_time) but has no ts',
    );
  });
});
