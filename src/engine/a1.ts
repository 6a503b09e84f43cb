/**
 * A1-style column letters. Issues point at cells the way a planner sees them ("D7"), so the
 * engine turns 1-based column numbers into letters and back.
 */

/** 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". Throws on anything but a positive integer. */
export function columnLetter(index1Based: number): string {
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
  return out;
}

/** "A" → 1, "aa" → 27, "XFD" → 16384. Throws when the text is not made of letters only. */
export function columnNumber(letter: string): number {
  const s = letter.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(s)) {
    throw new RangeError(`not a column letter: "${letter}"`);
  }
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n = n * 26 + (s.charCodeAt(i) - 64);
  }
  return n;
}
