/**
 * "Did you mean …?" for policy keys, network names, time zones and control ids: the known word
 * closest to a typo, by edit distance with transpositions (Damerau, optimal string alignment).
 */

/** Edits (insert, delete, substitute, swap neighbours) that turn one word into the other. */
export function editDistance(from: string, to: string): number {
  const a = from.toLowerCase();
  const b = to.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) (rows[0] as number[])[j] = j;

  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(rows, i - 1, j) + 1, cell(rows, i, j - 1) + 1);
      best = Math.min(best, cell(rows, i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, cell(rows, i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return cell(rows, a.length, b.length);
}

/**
 * The candidate nearest to `word`, if it is close enough to be a typo of it: at most a third of
 * the word's letters changed (and at least two allowed). Ties go to the earlier candidate.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.max(2, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= allowed && (best === undefined || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

/** "; did you mean X?" when a near candidate exists, else the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = nearest(word, candidates);
  return suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
}

function cell(rows: number[][], i: number, j: number): number {
  return (rows[i] as number[])[j] as number;
}
