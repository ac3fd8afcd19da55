import { describe, expect, it } from 'vitest';
import { interpretKey, KEY_BINDINGS } from './keymap';

describe('interpretKey', () => {
  it('maps the single keys', () => {
    expect(interpretKey('j', false)).toEqual({ action: 'next-event', pending: false });
    expect(interpretKey('k', false).action).toBe('prev-event');
    expect(interpretKey('n', false).action).toBe('next-finding');
    expect(interpretKey('N', false).action).toBe('prev-finding');
    expect(interpretKey('/', false).action).toBe('search');
    expect(interpretKey('Escape', false).action).toBe('back');
    expect(interpretKey('?', false).action).toBe('help');
    expect(interpretKey('x', false)).toEqual({ action: null, pending: false });
  });

  it('completes g f and cancels g followed by anything else', () => {
    const armed = interpretKey('g', false);
    expect(armed).toEqual({ action: null, pending: true });
    expect(interpretKey('f', true)).toEqual({ action: 'first-divergence', pending: false });
    expect(interpretKey('f', false)).toEqual({ action: null, pending: false });
    // The cancelling key still does its own job.
    expect(interpretKey('j', true)).toEqual({ action: 'next-event', pending: false });
    expect(interpretKey('g', true)).toEqual({ action: null, pending: true });
  });

  it('every documented binding does what the help says', () => {
    for (const binding of KEY_BINDINGS) {
      const keys = binding.keys.split(' ').map((k) => (k === 'Esc' ? 'Escape' : k));
      let pending = false;
      let action = null;
      for (const key of keys) ({ action, pending } = interpretKey(key, pending));
      expect(action, binding.keys).toBe(binding.action);
    }
  });
});
