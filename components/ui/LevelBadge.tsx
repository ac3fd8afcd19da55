import { levelTone } from './level-tone';

/** A level as a text badge: colour, border style and glyph differ per tone, so hue is never the only cue. */
export function LevelBadge({ level }: { level: string | null }) {
  if (!level) return null;
  const tone = levelTone(level);
  return (
    <span className={`badge badge--${tone.key}`} title={`level: ${level}`}>
      <span aria-hidden="true">{tone.glyph}</span>
      {level}
    </span>
  );
}
