/**
 * The timeline's view window outside React: zoom and pan change it at pointer rate, and the
 * canvas, the overview brush and the URL writer each follow it at their own pace (an animation
 * frame, a frame, a throttle). Keeping it here means a gesture never re-renders a component.
 */
import type { TimeWindow } from '@/lib/domain/timeline/view-window';

export type ViewSource = 'gesture' | 'url' | 'reset' | 'step' | 'mode';

export interface ViewStore {
  get(): TimeWindow;
  set(next: TimeWindow, source: ViewSource): void;
  subscribe(listener: (view: TimeWindow, source: ViewSource) => void): () => void;
}

export function createViewStore(initial: TimeWindow): ViewStore {
  let view = initial;
  const listeners = new Set<(view: TimeWindow, source: ViewSource) => void>();
  return {
    get: () => view,
    set(next, source) {
      if (next.startMs === view.startMs && next.endMs === view.endMs) return;
      view = next;
      for (const listener of [...listeners]) listener(view, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Same window to within a millisecond: the URL keeps ISO milliseconds, so a round trip rounds. */
export function sameWindow(a: TimeWindow | null, b: TimeWindow | null, toleranceMs = 1): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.startMs - b.startMs) < toleranceMs && Math.abs(a.endMs - b.endMs) < toleranceMs;
}
