// Small text helpers shared by rules.

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The single closest candidate within `max` edits, or null when none or ambiguous. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | null {
  let found: string | null = null;
  let best = max + 1;
  let tie = false;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(word, c, max);
    if (d < best) {
      best = d;
      found = c;
      tie = false;
    } else if (d === best) {
      tie = true;
    }
  }
  return best <= max && !tie ? found : null;
}
