import { describe, expect, it } from 'vitest';
import { orderNarrative } from './narrative-order';

const note = (at: number | null, createdAt: string) => ({ at, finding: null, annotation: { createdAt }, name: `note@${at}:${createdAt}` });
const finding = (at: number | null) => ({ at, finding: {}, annotation: null, name: `finding@${at}` });

describe('orderNarrative', () => {
  it('orders by aligned time, findings before annotations at one instant, annotations as written, untimed last', () => {
    const items = [note(null, '2026-01-01T00:00:01Z'), note(20, '2026-01-01T00:00:02Z'), note(20, '2026-01-01T00:00:01Z'), finding(20), finding(5), finding(null)];
    expect(orderNarrative(items).map((i) => i.name)).toEqual([
      'finding@5',
      'finding@20',
      'note@20:2026-01-01T00:00:01Z',
      'note@20:2026-01-01T00:00:02Z',
      'note@null:2026-01-01T00:00:01Z',
      'finding@null',
    ]);
  });

  it('leaves its input as it was', () => {
    const items = [finding(2), finding(1)];
    orderNarrative(items);
    expect(items.map((i) => i.at)).toEqual([2, 1]);
  });
});
