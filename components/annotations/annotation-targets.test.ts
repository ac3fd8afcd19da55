import { describe, expect, it } from 'vitest';
import type { AnnotationDto, AnnotationTarget } from '@/lib/schemas/annotation';
import { annotationsByRow, annotationsInWindow, annotationsOnEvent, countByEvent, stateAnnotationsOf } from './annotation-targets';

let n = 0;
function note(target: AnnotationTarget): AnnotationDto {
  n += 1;
  return { id: `a${n}`, incidentId: 'inc', kind: 'note', target, body: `#${n}`, author: 'x', createdAt: '', updatedAt: '', deletedAt: null, changes: 0 };
}

const onEvent7 = note({ type: 'event', eventId: 7 });
const onEvent9 = note({ type: 'event', eventId: 9 });
const stateEarly = note({ type: 'state', entity: 'order:1', field: 'status', at: 5 });
const stateRow1 = note({ type: 'state', entity: 'order:1', field: 'status', at: 25 });
const otherField = note({ type: 'state', entity: 'order:1', field: 'total', at: 25 });
const range = note({ type: 'range', from: 40, to: 60 });
const all = [onEvent7, onEvent9, stateEarly, stateRow1, otherField, range];

describe('annotation targets', () => {
  it('finds an event’s annotations and counts them per event', () => {
    expect(annotationsOnEvent(all, 7)).toEqual([onEvent7]);
    expect(countByEvent([...all, note({ type: 'event', eventId: 7 })])).toEqual(new Map([[7, 2], [9, 1]]));
  });

  it('puts a state annotation on the row holding the state at its moment, only for its field', () => {
    const rows = [{ at: 10 }, { at: 20 }, { at: 30 }];
    expect(stateAnnotationsOf(all, 'order:1').length).toBe(3);
    expect(annotationsByRow(all, 'order:1', 'status', rows)).toEqual(
      new Map([
        [0, [stateEarly]],
        [1, [stateRow1]],
      ]),
    );
    expect(annotationsByRow(all, 'order:1', 'status', [])).toEqual(new Map());
  });

  it('lists what falls in a window in time order: overlapping ranges, states inside, events with a known time', () => {
    const times = new Map([[7, 45]]);
    const inWindow = annotationsInWindow(all, { from: 20, to: 50 }, (id) => times.get(id));
    expect(inWindow).toEqual([stateRow1, otherField, range, onEvent7]);
    expect(annotationsInWindow(all, { from: 61, to: 70 }, () => undefined)).toEqual([]);
  });
});
