import { describe, expect, it } from 'vitest';
import { formatOffset, laneName, laneService, laneOffsetExplanation, laneOffsetText, offsetKind } from './lane-offset-text';

const lane = { offsetMs: 4000, aligned: true, overridden: false, constraints: 31 };

describe('laneOffsetText', () => {
  it('says how much, on what basis', () => {
    expect(laneOffsetText(lane)).toBe('+4.000 s aligned (31 constraints)');
    expect(laneOffsetText({ ...lane, constraints: 1, offsetMs: -12.5 })).toBe('-12.5 ms aligned (1 constraint)');
    expect(laneOffsetText({ ...lane, constraints: 12345 })).toBe('+4.000 s aligned (12,345 constraints)');
    expect(laneOffsetText({ ...lane, aligned: false, offsetMs: 0 })).toBe('+0 ms unaligned');
    expect(laneOffsetText({ ...lane, overridden: true, offsetMs: -250 })).toBe('-250 ms override');
  });

  it('gives an override precedence over aligned', () => {
    expect(offsetKind({ aligned: true, overridden: true })).toBe('override');
    expect(offsetKind({ aligned: false, overridden: false })).toBe('unaligned');
  });
});

describe('formatOffset', () => {
  it('uses seconds from a second on', () => {
    expect(formatOffset(999)).toBe('+999 ms');
    expect(formatOffset(1000)).toBe('+1.000 s');
    expect(formatOffset(-3_600_000)).toBe('-3,600.000 s');
    expect(formatOffset(Number.NaN)).toBe('? ms');
  });
});

describe('laneName and explanation', () => {
  it('names the source and the service', () => {
    expect(laneName({ source: 'api.log', service: 'cart' })).toBe('api.log/cart');
    expect(laneName({ source: 'api.log', service: '' })).toBe('api.log');
    expect(laneName({ source: 'shop.har', service: 'shop.har' })).toBe('shop.har');
    expect(laneService({ source: 'shop.har', service: 'shop.har' })).toBe('');
  });

  it('says whether the current mode applies the shift', () => {
    expect(laneOffsetExplanation(lane, 'aligned')).toContain('drawn -4.000 s from where the source wrote them');
    expect(laneOffsetExplanation(lane, 'raw')).toContain('as the source wrote them');
    expect(laneOffsetExplanation({ ...lane, aligned: false, offsetMs: 0 }, 'aligned')).toContain('not corrected');
  });
});
