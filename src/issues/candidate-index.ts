// The inverted index the engine finds candidate issues with: term → the issues having it among their
// top terms. Lists are insertion-ordered sets capped at `cap`: re-adding moves an issue to the young
// end, and the oldest falls off, so lookups cost the same however many issues the archive holds.

/** The k-th largest value (1 ≤ k ≤ length) of a scratch array, which it reorders (quickselect, O(n)). */
export function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

export class CandidateIndex {
  private readonly postings = new Map<number, Set<number>>();

  /** `onEvict(issue, term)` hears when the cap pushes an issue off a term's list. */
  constructor(
    private readonly cap: number,
    private readonly onEvict: (issueId: number, term: number) => void,
  ) {}

  /** (Re-)enters the issue under each term, at the young end of each list. */
  touch(issueId: number, terms: readonly number[]): void {
    for (const term of terms) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Set()));
      list.delete(issueId);
      list.add(issueId);
      if (list.size > this.cap) {
        const evicted = list.values().next().value!;
        list.delete(evicted);
        this.onEvict(evicted, term);
      }
    }
  }

  remove(issueId: number, terms: readonly number[]): void {
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      list.delete(issueId);
      if (list.size === 0) this.postings.delete(term);
    }
  }

  /**
   * Issues voted for by the query's `queryTerms` strongest terms (vote = sum of their weights),
   * best `k` first, ties to the lower id.
   */
  vote(weighted: Map<number, number>, queryTerms: number, k: number): number[] {
    const cutoff =
      weighted.size > queryTerms ? kthLargest(Float64Array.from(weighted.values()), queryTerms) : -Infinity;
    const votes = new Map<number, number>();
    let used = 0;
    weighted.forEach((w, id) => {
      if (w < cutoff || used >= queryTerms) return;
      used++;
      const list = this.postings.get(id);
      if (list) for (const cid of list) votes.set(cid, (votes.get(cid) ?? 0) + w);
    });
    // A small sorted buffer instead of sorting every voter.
    const top: Array<[number, number]> = [];
    for (const entry of votes) {
      if (top.length === k) {
        const last = top[k - 1]!;
        if (entry[1] < last[1] || (entry[1] === last[1] && entry[0] > last[0])) continue;
        top.pop();
      }
      let i = top.length;
      while (i > 0 && (top[i - 1]![1] < entry[1] || (top[i - 1]![1] === entry[1] && top[i - 1]![0] > entry[0]))) i--;
      top.splice(i, 0, entry);
    }
    return top.map(([id]) => id);
  }
}
