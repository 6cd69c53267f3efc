/**
 * "Did you mean" suggestions for misspelt keys, check ids, suites and flags.
 */

/**
 * Damerau-Levenshtein distance, optimal-string-alignment variant: insertions, deletions,
 * substitutions and transpositions of two adjacent characters each cost 1, which covers the
 * typos people make (`warnig`, `wanring`, `bounce-rate`).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        at(previous, j) + 1, // deletion
        at(current, j - 1) + 1, // insertion
        at(previous, j - 1) + cost, // substitution
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(twoBack, j - 2) + 1); // transposition
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return at(previous, b.length);
}

function at(row: readonly number[], index: number): number {
  return row[index] ?? Number.POSITIVE_INFINITY;
}

/** Spelling differences that are not typos: case, and `-` against `_`. */
function normalise(word: string): string {
  return word.toLowerCase().replace(/-/g, '_');
}

/**
 * The candidate closest to `word`, only when it is close enough to be a plausible typo: at most
 * one edit for short words, two for longer ones, and never more than a third of the word.
 * Ties go to the earlier candidate, so callers list candidates in a sensible order.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const target = normalise(word);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  // An abbreviation (`warn`, `camp`) is a plausible slip when it abbreviates one candidate only.
  if (target.length >= 3) {
    const expansions = candidates.filter((c) => normalise(c).startsWith(target) && c !== word);
    if (expansions.length === 1) return expansions[0];
  }
  const longest = Math.max(target.length, best.length);
  const allowed = Math.min(longest <= 4 ? 1 : 2, Math.max(1, Math.floor(longest / 3)));
  // Replacing every character of a short word is not a typo ('x' is not a misspelt 'a').
  const overlaps = bestDistance < Math.min(target.length, best.length);
  return bestDistance <= allowed && overlaps ? best : undefined;
}

/** `; did you mean "warning"?` or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = nearest(word, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
