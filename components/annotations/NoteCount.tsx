import './annotations.css';

/** "✎ 2": how many annotations a row's event carries (nothing when none), named for screen readers. */
export function NoteCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="annotation-marker" aria-label={`${count} annotation${count === 1 ? '' : 's'}`}>
      ✎ {count}
    </span>
  );
}
