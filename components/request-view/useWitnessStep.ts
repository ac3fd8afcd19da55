'use client';

import { useEffect, useEffectEvent } from 'react';

/** Dispatched on window by the investigation's keyboard handling: `{ detail: { dir: 1 | -1 } }`. */
export const WITNESS_STEP_EVENT = 'witness:step';

/**
 * Calls `onStep` for each 'witness:step' while the calling view is mounted, so the keyboard's
 * next/previous moves through whichever view is open (its events, its rows) and nothing else.
 */
export function useWitnessStep(onStep: (dir: 1 | -1) => void): void {
  const step = useEffectEvent(onStep);
  useEffect(() => {
    function listener(event: Event) {
      const detail: unknown = (event as CustomEvent<unknown>).detail;
      const dir = typeof detail === 'object' && detail !== null && 'dir' in detail ? detail.dir : null;
      if (dir === 1 || dir === -1) step(dir);
    }
    window.addEventListener(WITNESS_STEP_EVENT, listener);
    return () => window.removeEventListener(WITNESS_STEP_EVENT, listener);
  }, []);
}
