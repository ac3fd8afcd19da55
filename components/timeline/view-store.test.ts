import { describe, expect, it, vi } from 'vitest';
import { createViewStore, sameWindow } from './view-store';

describe('createViewStore', () => {
  it('tells listeners about real changes with their source', () => {
    const store = createViewStore({ startMs: 0, endMs: 10 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set({ startMs: 0, endMs: 10 }, 'gesture');
    expect(listener).not.toHaveBeenCalled();
    store.set({ startMs: 1, endMs: 10 }, 'url');
    expect(listener).toHaveBeenCalledWith({ startMs: 1, endMs: 10 }, 'url');
    expect(store.get()).toEqual({ startMs: 1, endMs: 10 });
    unsubscribe();
    store.set({ startMs: 2, endMs: 10 }, 'gesture');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('sameWindow', () => {
  it('forgives the rounding of a URL round trip', () => {
    expect(sameWindow({ startMs: 0.4, endMs: 10.2 }, { startMs: 0, endMs: 10 })).toBe(true);
    expect(sameWindow({ startMs: 0, endMs: 12 }, { startMs: 0, endMs: 10 })).toBe(false);
    expect(sameWindow(null, null)).toBe(true);
    expect(sameWindow(null, { startMs: 0, endMs: 1 })).toBe(false);
  });
});
