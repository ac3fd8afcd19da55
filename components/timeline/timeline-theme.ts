/**
 * The canvas's colours, read from CSS custom properties (app/globals.css and timeline.css) so the
 * canvas follows the light and dark themes like the rest of the page. Read once per theme change,
 * never per frame: getComputedStyle is slow enough to matter at 60 fps.
 */
import { LEVEL_COUNT } from '@/lib/domain/timeline/columnar-events';
import { levelMark } from './level-colors';

export interface TimelineTheme {
  bg: string;
  laneAlt: string;
  grid: string;
  fg: string;
  fgMuted: string;
  selection: string;
  divergence: string;
  divergenceFg: string;
  signal: string;
  brush: string;
  brushBorder: string;
  /** Laid over the overview outside the brush. */
  veil: string;
  /** By level code. */
  levels: string[];
  fontSans: string;
  fontMono: string;
}

const FALLBACK: TimelineTheme = {
  bg: '#ffffff',
  laneAlt: '#f4f5f7',
  grid: '#cfd4da',
  fg: '#1b1f24',
  fgMuted: '#4f5761',
  selection: '#0a5cc2',
  divergence: '#a3216f',
  divergenceFg: '#ffffff',
  signal: '#8c959f',
  brush: 'rgba(10, 92, 194, 0.15)',
  brushBorder: '#0a5cc2',
  veil: 'rgba(255, 255, 255, 0.55)',
  levels: ['#4f5761', '#4f5761', '#5b4a8a', '#005f8f', '#7a5a00', '#b33c00', '#8f1d0a'],
  fontSans: 'system-ui, sans-serif',
  fontMono: 'ui-monospace, monospace',
};

export function readTimelineTheme(el: Element | null): TimelineTheme {
  if (el === null || typeof getComputedStyle !== 'function') return FALLBACK;
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--tl-bg', FALLBACK.bg),
    laneAlt: v('--tl-lane-alt', FALLBACK.laneAlt),
    grid: v('--tl-grid', FALLBACK.grid),
    fg: v('--fg', FALLBACK.fg),
    fgMuted: v('--fg-muted', FALLBACK.fgMuted),
    selection: v('--tl-selection', FALLBACK.selection),
    divergence: v('--tl-divergence', FALLBACK.divergence),
    divergenceFg: v('--tl-divergence-fg', FALLBACK.divergenceFg),
    signal: v('--tl-signal', FALLBACK.signal),
    brush: v('--tl-brush', FALLBACK.brush),
    brushBorder: v('--tl-brush-border', FALLBACK.brushBorder),
    veil: v('--tl-veil', FALLBACK.veil),
    levels: Array.from({ length: LEVEL_COUNT }, (_, code) => v(levelMark(code).cssVar, FALLBACK.levels[code]!)),
    fontSans: v('--font-sans', FALLBACK.fontSans),
    fontMono: v('--font-mono', FALLBACK.fontMono),
  };
}

/** Calls `onChange` when the OS switches between light and dark; returns the unsubscribe. */
export function watchColorScheme(onChange: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
