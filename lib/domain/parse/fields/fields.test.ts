import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './duration';
import { isBase64Id, normalizeSpanId, normalizeTraceId, parseCloudTrace, parseTraceparent, shortTraceIdDigits } from './ids';
import { normalizeLevel } from './level';

describe('parseDurationMs', () => {
  it('takes bare numbers as milliseconds and strings in their unit', () => {
    expect(parseDurationMs(250)).toBe(250);
    expect(parseDurationMs('250')).toBe(250);
    expect(parseDurationMs('250ms')).toBe(250);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('800us')).toBeCloseTo(0.8, 9);
    expect(parseDurationMs('0.005192s')).toBeCloseTo(5.192, 9);
    expect(parseDurationMs('1m2.5s')).toBe(62_500);
  });
  it('rejects what is not a duration', () => {
    expect(parseDurationMs('fast')).toBeNull();
    expect(parseDurationMs('10 parsecs')).toBeNull();
    expect(parseDurationMs(-1)).toBeNull();
  });
});

describe('identifier normalization', () => {
  it('lower-cases hex and pads 64-bit and 31-digit trace ids to 128 bits', () => {
    expect(normalizeTraceId('5B8EFFF798038103D269B633813FC60C')).toBe('5b8efff798038103d269b633813fc60c');
    expect(normalizeTraceId('463ac35c9f6413ad')).toBe('0000000000000000463ac35c9f6413ad');
    expect(normalizeTraceId('6b221d5bc9e6496c0b0bb2d4e6ab0e1')).toBe('06b221d5bc9e6496c0b0bb2d4e6ab0e1');
  });
  it('turns base64 ids of 16 and 8 bytes into hex', () => {
    expect(normalizeTraceId('W47/95gDgQPSabYzgT/GDA==')).toBe('5b8efff798038103d269b633813fc60c');
    expect(normalizeSpanId('7uGbfsPBsXM=')).toBe('eee19b7ec3c1b173');
  });
  it('tells which ids were rewritten: base64, and trace ids of 17-31 digits (not 64-bit ones)', () => {
    expect(isBase64Id('W47/95gDgQPSabYzgT/GDA==', 16)).toBe(true);
    expect(isBase64Id('7uGbfsPBsXM=', 8)).toBe(true);
    expect(isBase64Id('5b8efff798038103d269b633813fc60c', 16)).toBe(false);
    expect(isBase64Id('eee19b7ec3c1b173', 8)).toBe(false);
    expect(isBase64Id('req-42', 16)).toBe(false);
    expect(isBase64Id(42, 8)).toBe(false);
    expect(shortTraceIdDigits('6b221d5bc9e6496c0b0bb2d4e6ab0e1')).toBe(31);
    expect(shortTraceIdDigits('463ac35c9f6413ad')).toBeNull();
    expect(shortTraceIdDigits('5b8efff798038103d269b633813fc60c')).toBeNull();
    expect(shortTraceIdDigits('0000000000000000000')).toBeNull();
    expect(shortTraceIdDigits('abc')).toBeNull();
  });
  it('keeps opaque request-like values as written and drops all-zero ids', () => {
    expect(normalizeTraceId('req-42')).toBe('req-42');
    expect(normalizeTraceId('00000000000000000000000000000000')).toBeNull();
  });
  it('reads traceparent and Google Cloud trace references', () => {
    expect(parseTraceparent('00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01')).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
    });
    expect(parseTraceparent('garbage')).toBeNull();
    expect(parseCloudTrace('projects/p/traces/0AF7651916CD43DD8448EB211C80319C')).toBe('0af7651916cd43dd8448eb211c80319c');
  });
});

describe('normalizeLevel', () => {
  it('maps the vocabularies of common loggers to one set', () => {
    expect(normalizeLevel('WARNING')).toBe('warn');
    expect(normalizeLevel(50)).toBe('error');
    expect(normalizeLevel('30')).toBe('info');
    expect(normalizeLevel('Information')).toBe('info');
    expect(normalizeLevel('notice')).toBe('info');
    expect(normalizeLevel('weird')).toBe('weird');
  });

  it('keeps words that name Object.prototype members as words', () => {
    expect(normalizeLevel('constructor')).toBe('constructor');
    expect(normalizeLevel('toString')).toBe('tostring');
    expect(normalizeLevel('__proto__')).toBe('__proto__');
  });

  it('answers the same for a word seen before (levels are cached as written)', () => {
    for (let round = 0; round < 2; round++) {
      expect(normalizeLevel('WARNING')).toBe('warn');
      expect(normalizeLevel(' Warn ')).toBe('warn');
      expect(normalizeLevel('')).toBeNull();
      expect(normalizeLevel('a level no logger writes, longer than the cache keeps')).toBe('a level no logger writes, longer than the cache keeps');
    }
  });
});

describe('span ids in any case', () => {
  it('lower-cases hex and pads short ids, and reads the no-parent words in any case', () => {
    expect(normalizeSpanId('B7AD6B7169203331')).toBe('b7ad6b7169203331');
    expect(normalizeSpanId('b7ad6b7169203331')).toBe('b7ad6b7169203331');
    expect(normalizeSpanId('ABC')).toBe('0000000000000abc');
    expect(normalizeSpanId('Root')).toBeNull();
    expect(normalizeSpanId('NONE')).toBeNull();
    expect(normalizeSpanId('-')).toBeNull();
    expect(normalizeSpanId('nonexistent')).toBe('nonexistent');
  });
});
