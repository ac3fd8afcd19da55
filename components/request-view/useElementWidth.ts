'use client';

import { useEffect, useState } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver: the charts draw to the
 * width they are given (SVG text must not stretch with a viewBox). 0 until measured; callers
 * reserve their height meanwhile so nothing below jumps. A callback ref, so an element that
 * mounts after loading is observed too.
 */
export function useElementWidth<T extends HTMLElement>(): [(element: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(Math.floor(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
