/**
 * How a level looks on the timeline canvas. Colour comes from the level CSS variables of
 * app/globals.css (Okabe-Ito, light and dark), and every level also differs in height and
 * width, with a cap on errors, so a colour-blind reader or a greyscale screenshot still tells an
 * error from an info line. Code order is severity order (lib/domain/timeline/columnar-events.ts).
 */
import { LEVEL_CODES, LEVEL_COUNT } from '@/lib/domain/timeline/columnar-events';

export type LevelName = keyof typeof LEVEL_CODES;

export interface LevelMark {
  name: LevelName;
  /** The CSS custom property holding the colour. */
  cssVar: string;
  /** Share of the lane's inner height a point tick takes (errors reach the full lane). */
  heightFraction: number;
  /** Tick width in CSS pixels. */
  widthPx: number;
  /** Errors and fatals get a triangle cap above the tick, readable without colour. */
  cap: boolean;
}

const NAMES: readonly LevelName[] = (Object.keys(LEVEL_CODES) as LevelName[]).sort((a, b) => LEVEL_CODES[a] - LEVEL_CODES[b]);

const MARKS: readonly LevelMark[] = NAMES.map((name): LevelMark => {
  const code = LEVEL_CODES[name];
  const severe = code >= LEVEL_CODES.error;
  return {
    name,
    cssVar: name === 'none' ? '--level-other' : `--level-${name}`,
    heightFraction: severe ? 1 : code === LEVEL_CODES.warn ? 0.75 : code === LEVEL_CODES.info ? 0.55 : 0.4,
    widthPx: code === LEVEL_CODES.fatal ? 3 : severe ? 2 : 1,
    cap: severe,
  };
});

/** The mark of a level code; unknown codes draw as "none" (a level the parsers kept as written). */
export function levelMark(code: number): LevelMark {
  return MARKS[Number.isInteger(code) && code >= 0 && code < LEVEL_COUNT ? code : 0]!;
}

/** A level code's name as the tooltip shows it ("none" reads as "no level"). */
export function levelLabel(code: number): string {
  const { name } = levelMark(code);
  return name === 'none' ? 'no level' : name;
}

/** All level codes, least severe first: the canvas draws in this order so errors land on top. */
export const LEVELS_BY_SEVERITY: readonly number[] = NAMES.map((n) => LEVEL_CODES[n]);

/** Whether a code is error or worse (drawn with a cap, counted as "errors" in summaries). */
export function isSevere(code: number): boolean {
  return code >= LEVEL_CODES.error;
}
