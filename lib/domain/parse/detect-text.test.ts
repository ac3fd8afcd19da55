import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { detectFormat } from './detect';
import { detectTextFormat } from './detect-text';

const head = (text: string): string => text.slice(0, 65_536);

describe('detectTextFormat: the corpus', () => {
  it.each([
    ['logs/apache_logs', 'access-log'],
    ['logs/logfile_shop_access_log.0', 'access-log'],
    ['logs/logfile_logfmt.0', 'logfmt'],
    ['logs/logfile_zap_console.0', 'text'],
    ['logs/logfile_docker_compose.0', 'text'],
    ['logs/RFC3164', 'syslog'],
    ['logs/RFC5424', 'syslog'],
    ['logs/rfc6587-octet-counting', 'syslog'],
    ['correlated/nezha-onlineboutique-2022-08-22/05_19_log.csv', 'csv'],
    ['correlated/nezha-onlineboutique-2022-08-22/05_19_trace.csv', 'csv'],
    ['correlated/nezha-trainticket-2023-01-29/09_34_log.csv', 'csv'],
    ['correlated/nezha-trainticket-2023-01-29/09_34_trace.csv', 'csv'],
  ])('%s is %s', (path, format) => {
    const detection = detectFormat(head(readCorpusText(path)));
    expect(detection.format).toBe(format);
    expect(detectTextFormat(head(readCorpusText(path)))?.reason).toMatch(/\d+ of \d+ sampled/);
  });
});

describe('detectTextFormat: what is not a log', () => {
  it('prose, a README with a few dates, and binary noise are unknown', () => {
    const prose = [
      'It was the best of times, it was the worst of times, it was the age of wisdom,',
      'it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,',
      'it was the season of Light, it was the season of Darkness, it was the spring of hope,',
      'it was the winter of despair, we had everything before us, we had nothing before us.',
    ].join('\n');
    expect(detectTextFormat(prose)).toBeNull();
    const readme = [
      '# Witness',
      '',
      'Release notes:',
      '2024-05-01 10:00 first release',
      '- added timelines',
      '- added a=b style filters',
      'See the docs for more, and the changelog for history.',
      'Thanks to everyone who helped.',
    ].join('\n');
    expect(detectTextFormat(readme)).toBeNull();
    let noise = '';
    for (let i = 0; i < 4000; i++) noise += String.fromCharCode((i * 7919) % 256);
    expect(detectTextFormat(noise)).toBeNull();
    expect(detectFormat(prose)).toMatchObject({ format: null });
    expect(detectFormat(noise).format).toBeNull();
    expect(detectTextFormat('')).toBeNull();
  });

  it('a CSV whose rows open with timestamps is CSV, not text lines', () => {
    const csv = 'time,level,msg\n2024-05-01T10:00:00Z,info,a\n2024-05-01T10:00:01Z,info,"b, c"\n';
    expect(detectTextFormat(csv)?.format).toBe('csv');
  });

  it('timestamped lines beside prose or key=value text pick text, and a cut last line is ignored', () => {
    const lines = [
      '2024-05-01T10:00:00Z level=info msg=a',
      '2024-05-01T10:00:01Z level=info msg=b',
      'a continuation that is not indented',
      '2024-05-01T10:00:02Z level=info msg=c',
    ];
    expect(detectTextFormat(lines.join('\n'))?.format).toBe('text');
    const cut = ['a=1 b=2 c=3', 'this line was cut by the head lim'].join('\n');
    expect(detectTextFormat(cut)?.format).toBe('logfmt');
  });
});
