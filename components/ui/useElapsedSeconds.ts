'use client';

import { useEffect, useState } from 'react';

/**
 * Whole seconds since `active` last became true (0 while inactive), ticking once a second: the
 * "Analyzing… 4 s" of slow operations, which tells the user the work is alive, not stuck.
 */
export function useElapsedSeconds(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = performance.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => {
      window.clearInterval(timer);
      setElapsed(0);
    };
  }, [active]);
  return active ? elapsed : 0;
}
