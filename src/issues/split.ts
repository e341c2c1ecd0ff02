// The split step: an issue whose sampled members form two dense groups that barely touch is two
// stories (a bridge article, or a merge, chained them), and the smaller part leaves for an issue of
// its own. Pure: the engine hands in the members' pairwise cosines, this finds the two groups.

export interface SplitRule {
  /** Members each group needs (a lone outlier is a doubtful join, not a second story). */
  minGroup: number;
  /** Mean cosine between the groups at or under which they are apart (0 disables splitting). */
  maxBetween: number;
  /** How many times the mean cosine between them each group's own mean must be. */
  minRatio: number;
}

export interface TwoGroups {
  /** Member positions of each group; `a` holds position 0. */
  a: number[];
  b: number[];
  between: number;
  within: number;
}

/**
 * The best split of `n` members (cosines in `sim`, row-major n×n) into two groups that are each
 * dense and far apart, or null when no split clears the rule. Every split with position 0 in the
 * first group is tried: the sample is small (memberSample), so 2^(n-1) stays a few hundred.
 */
export function twoDenseGroups(sim: Float64Array, n: number, rule: SplitRule): TwoGroups | null {
  if (rule.maxBetween <= 0 || n < 2 * rule.minGroup) return null;
  let best: TwoGroups | null = null;
  let bestScore = 0;
  const full = 1 << (n - 1);
  for (let mask = 1; mask < full; mask++) {
    // Bit k set: member k+1 is in group b.
    const inB = (i: number) => i > 0 && ((mask >> (i - 1)) & 1) === 1;
    let nb = 0;
    for (let i = 1; i < n; i++) if (inB(i)) nb++;
    const na = n - nb;
    if (na < rule.minGroup || nb < rule.minGroup) continue;
    let wa = 0;
    let wb = 0;
    let x = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const s = sim[i * n + j]!;
        const bi = inB(i);
        if (bi !== inB(j)) x += s;
        else if (bi) wb += s;
        else wa += s;
      }
    }
    const between = x / (na * nb);
    // A group of one has no pairs: it is as dense as can be.
    const mean = (sum: number, k: number) => (k > 1 ? sum / ((k * (k - 1)) / 2) : 1);
    const within = Math.min(mean(wa, na), mean(wb, nb));
    if (between > rule.maxBetween || within < rule.minRatio * between) continue;
    // The clearest split: dense groups, little between them.
    const score = within / Math.max(between, 1e-6);
    if (score > bestScore) {
      bestScore = score;
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < n; i++) (inB(i) ? b : a).push(i);
      best = { a, b, between, within };
    }
  }
  return best;
}
