import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { parseText } from '../parse';
import { createStreamRedactor } from './stream-redactor';

function redactAll(text: string, chunk: number): { text: string; counts: Record<string, number> } {
  const redactor = createStreamRedactor();
  let out = '';
  for (let i = 0; i < text.length; i += chunk) out += redactor.write(text.slice(i, i + chunk));
  out += redactor.end();
  return { text: out, counts: { ...redactor.counts } };
}

const CSV = [
  'time,user,password,"API Key",note',
  '2024-05-01T10:00:00Z,ada,hunter2,k-1,plain',
  '2024-05-01T10:00:01Z,bob,"pa,ss""word",,"multi',
  'line, with Bearer abcdefgh12345678"',
  '2024-05-01T10:00:02Z,eve,,"",x',
  '',
].join('\r\n');

const EXPECTED = [
  'time,user,password,"API Key",note',
  '2024-05-01T10:00:00Z,ada,[REDACTED],[REDACTED],plain',
  '2024-05-01T10:00:01Z,bob,"[REDACTED]",,"multi',
  'line, with Bearer [REDACTED]"',
  '2024-05-01T10:00:02Z,eve,,"[REDACTED]",x',
  '',
].join('\r\n');

describe('CSV redaction by column', () => {
  it.each([1, 2, 3, 7, 64, 100_000])('replaces the cells of secret-named columns, quotes kept, whatever the chunking (%i)', (chunk) => {
    expect(redactAll(CSV, chunk)).toEqual({ text: EXPECTED, counts: { field: 4, bearer: 1 } });
  });

  it('parses to the same rows, with the secret cells replaced', () => {
    const before = parseText(CSV, 'audit.csv');
    const after = parseText(EXPECTED, 'audit.csv');
    expect(after.format).toBe('csv');
    expect(after.events.map((e) => [e.ts, e.attributes.user])).toEqual(before.events.map((e) => [e.ts, e.attributes.user]));
    expect(after.events.map((e) => e.attributes.password)).toEqual(['[REDACTED]', '[REDACTED]', undefined]);
  });

  it('works on TSV and leaves a file without a secret column as it is', () => {
    const tsv = 'time\tuser\tauth_token\n2024-05-01T10:00:00Z\tada\tt-1\n';
    expect(redactAll(tsv, 5).text).toBe('time\tuser\tauth_token\n2024-05-01T10:00:00Z\tada\t[REDACTED]\n');
    const plain = 'time,user,token_count\n2024-05-01T10:00:00Z,ada,3\n';
    expect(redactAll(plain, 5)).toEqual({ text: plain, counts: {} });
  });

  // Real exports: no secret-named column, but JWTs in log cells (the text patterns take those).
  it.each(['correlated/nezha-trainticket-2023-01-29', 'correlated/nezha-onlineboutique-2022-08-22'].flatMap((dir) => listCorpusDir(dir)).filter((f) => f.endsWith('.csv')))(
    '%s keeps every row and column',
    (file) => {
      const text = readCorpusText(file);
      const name = file.split('/').pop() as string;
      const before = parseText(text, name).events;
      const after = parseText(redactAll(text, 65_536).text, name).events;
      expect(after.map((e) => [e.ts, Object.keys(e.attributes)])).toEqual(before.map((e) => [e.ts, Object.keys(e.attributes)]));
    },
  );
});
