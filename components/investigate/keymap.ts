/**
 * The investigation's keys (issue 4): one table that both the handler and the `?` help read,
 * so the help can never list a key that does nothing.
 *
 * `g f` is a two-key sequence: `g` arms it and the next key completes or cancels it (no timer:
 * a person who typed `g` and paused still gets `f`).
 */
export type KeyAction =
  | 'next-event'
  | 'prev-event'
  | 'next-finding'
  | 'prev-finding'
  | 'first-divergence'
  | 'search'
  | 'back'
  | 'help';

export interface KeyBinding {
  keys: string;
  action: KeyAction;
  description: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: 'j', action: 'next-event', description: 'Next event' },
  { keys: 'k', action: 'prev-event', description: 'Previous event' },
  { keys: 'n', action: 'next-finding', description: 'Next finding' },
  { keys: 'N', action: 'prev-finding', description: 'Previous finding' },
  { keys: 'g f', action: 'first-divergence', description: 'Go to the first divergence' },
  { keys: '/', action: 'search', description: 'Search: a request id, an entity, or text in the events' },
  { keys: 'Esc', action: 'back', description: 'Close the detail, or go back' },
  { keys: '?', action: 'help', description: 'Show these keys' },
];

const SINGLE: Readonly<Record<string, KeyAction>> = {
  j: 'next-event',
  k: 'prev-event',
  n: 'next-finding',
  N: 'prev-finding',
  '/': 'search',
  Escape: 'back',
  '?': 'help',
};

export interface KeyResult {
  action: KeyAction | null;
  /** True when this key armed a sequence (`g`): the next key completes it. */
  pending: boolean;
}

/** `key` is KeyboardEvent.key; `pending` says whether the previous key was `g`. */
export function interpretKey(key: string, pending: boolean): KeyResult {
  if (pending) {
    if (key === 'f') return { action: 'first-divergence', pending: false };
    // Any other key cancels the sequence and counts on its own (`g` `j` still moves).
  }
  if (key === 'g') return { action: null, pending: true };
  return { action: SINGLE[key] ?? null, pending: false };
}
