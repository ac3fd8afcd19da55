import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseInvestigationState, writeInvestigationState } from './investigation-url';

describe('investigation URL state', () => {
  it('round-trips every part of the view state', () => {
    const state = {
      view: 'entity' as const,
      request: 'req-42',
      entity: 'order:1042',
      field: 'status',
      window: { from: Date.UTC(2026, 10, 23, 10, 0, 0, 5), to: Date.UTC(2026, 10, 23, 10, 5) },
      event: 5311,
      time: 'raw' as const,
      kinds: ['conflict', 'retry'],
    };
    const params = writeInvestigationState(state);
    expect(params.get('from')).toBe('2026-11-23T10:00:00.005Z');
    expect(parseInvestigationState(params)).toEqual(state);
  });

  it('keeps other params (the events filters) and drops defaults', () => {
    const base = new URLSearchParams('source=s1&level=error&panel=profile&view=timeline');
    const params = writeInvestigationState(DEFAULT_STATE, base);
    expect(params.toString()).toBe('source=s1&level=error&panel=profile');
  });

  it('falls back to defaults on hand-edited nonsense', () => {
    const state = parseInvestigationState(new URLSearchParams('view=nope&from=yesterday&to=2026-11-23T10:00:00Z&event=12a&time=sideways'));
    expect(state).toEqual(DEFAULT_STATE);
    // A window whose end is not after its start is no window.
    expect(parseInvestigationState(new URLSearchParams('from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z')).window).toBeNull();
    // Epoch milliseconds are accepted too (a link built by a script).
    expect(parseInvestigationState(new URLSearchParams('from=1000&to=2000')).window).toEqual({ from: 1000, to: 2000 });
  });
});
