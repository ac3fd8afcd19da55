import { describe, expect, it } from 'vitest';
import { buildJoinChain, joinStepText, kindWord, shortIdentifier } from './join-chain';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const view = {
  key: 'req-42',
  identifiers: [
    { value: 'req-42', kinds: ['request' as const], events: 5 },
    { value: TRACE, kinds: ['trace' as const], events: 12 },
    { value: 'corr-7', kinds: ['correlation' as const, 'request' as const], events: 2 },
  ],
  joins: [
    { identifier: TRACE, via: 'req-42', eventId: 123, source: 'gateway.log' },
    { identifier: 'corr-7', via: TRACE, eventId: 130, source: 'orders.jsonl' },
  ],
  events: [
    { id: 123, source: 'gateway.log', locator: { line: 49 } },
    { id: 200, source: 'orders.jsonl', locator: { index: 3 } },
  ],
};

describe('join chain', () => {
  it('shortens long identifiers only', () => {
    expect(shortIdentifier(TRACE)).toBe('4bf92f35…');
    expect(shortIdentifier('req-42')).toBe('req-42');
  });

  it('names the kinds an identifier played', () => {
    expect(kindWord(['correlation', 'request'])).toBe('correlation/request');
    expect(kindWord([])).toBe('identifier');
  });

  it('starts at the key and explains every join', () => {
    const steps = buildJoinChain(view);
    expect(steps.map(joinStepText)).toEqual([
      'request req-42 (the key)',
      'trace 4bf92f35… joined via request req-42 on event #123 in gateway.log (line 49)',
      // Event 130 is not among the listed events: no locator, the rest still reads.
      'correlation/request corr-7 joined via trace 4bf92f35… on event #130 in orders.jsonl',
    ]);
    expect(steps[1]!.identifier.value).toBe(TRACE);
    expect(steps[1]!.identifier.events).toBe(12);
  });

  it('roots the chain at the key even when another identifier is listed first', () => {
    const steps = buildJoinChain({ ...view, key: TRACE, joins: [{ identifier: 'req-42', via: TRACE, eventId: 123, source: 'gateway.log' }] });
    expect(steps[0]!.identifier.value).toBe(TRACE);
    expect(steps.map((s) => s.identifier.value)).toEqual([TRACE, 'req-42', 'corr-7']);
    expect(joinStepText(steps[2]!, 2)).toBe('correlation/request corr-7 (no join recorded)');
  });
});
