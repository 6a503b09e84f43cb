/**
 * A1-style column letters, the one converter every layer uses: issues point at cells the way a
 * planner sees them ("D7"), the renderer writes references, the hosts write and read cell
 * addresses (`<c r="AB12">`: millions of calls on a big sheet, hence the cache).
 */

/** Excel's grid: the last row and the last column (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Letters of every column met so far (index = column number). */
const letterCache: string[] = [];

/** 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". Throws on anything but a positive integer. */
export function columnLetter(index1Based: number): string {
  const cached = letterCache[index1Based];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(index1Based) || index1Based < 1) {
    throw new RangeError(`column number must be a positive integer, got ${index1Based}`);
  }
  let n = index1Based;
  let out = '';
  // Bijective base 26: there is no zero digit, hence the n - 1.
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  // Columns past the grid are only ever met in messages about bad files: not kept.
  if (index1Based <= MAX_COLUMNS + 1) letterCache[index1Based] = out;
  return out;
}

/** "A" → 1, "aa" → 27, "XFD" → 16384; spaces around are ignored. Throws when the text is not made of letters only. */
export function columnNumber(letter: string): number {
  let n = 0;
  for (let i = 0; i < letter.length; i++) {
    const c = letter.charCodeAt(i) | 0x20; // lower case (only letters land in a..z)
    if (c < 97 || c > 122) return paddedColumnNumber(letter);
    n = n * 26 + (c - 96);
  }
  if (n === 0) throw notALetter(letter);
  return n;
}

/** The slow path: letters with spaces around them, or not letters at all. */
function paddedColumnNumber(letter: string): number {
  const s = letter.trim();
  if (s === letter || s === '') throw notALetter(letter);
  return columnNumber(s);
}

const notALetter = (letter: string) => new RangeError(`not a column letter: "${letter}"`);
