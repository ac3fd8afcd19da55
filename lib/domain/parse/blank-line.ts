/**
 * Blank lines are not records in any line format (they still count for line numbers, which the
 * LineSplitter keeps). Checked without allocating a trimmed copy: this runs once per line.
 */
/** True when the line holds only spaces, tabs or a stray CR/BOM. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
