// The few newest members an issue keeps besides its centroid. A story that drifts (a bridge crack
// becomes a resignation) is still close to its latest articles while its centroid, an average over
// everything so far, lags behind; comparing with single members catches that turn.
import { SparseVector } from './sparse-vector.ts';

/** A sampled member: raw tf like the centroid, its norm cached under the IDF of `normDocs` documents. */
export interface Member {
  vec: SparseVector;
  time: number;
  /** The article (or stream position) it is, so the split step can move it; absent when unknown. */
  docId?: number;
  norm: number;
  normDocs: number;
}

/** Stored membership vectors are rounded to 1e-5 (engine-io), so equality needs this slack. */
const SAME_WEIGHT = 1e-4;

export function newMember(vec: Iterable<[number, number]>, time: number, docId?: number): Member {
  return { vec: SparseVector.fromEntries(vec), time, docId, norm: 0, normDocs: -1 };
}

/** True when every entry of a stored (rounded, cut) vector matches the sampled member's. */
export function sameMember(member: Member, stored: Iterable<[number, number]>): boolean {
  let any = false;
  for (const [id, w] of stored) {
    const own = member.vec.get(id);
    if (own === undefined || Math.abs(own - w) > SAME_WEIGHT) return false;
    any = true;
  }
  return any;
}

/** The newest `cap` of both lists (ties: the one listed first), so the sample is deterministic. */
export function keepNewest(members: readonly Member[], incoming: readonly Member[], cap: number): Member[] {
  const all = [...members, ...incoming];
  if (all.length <= cap) return all;
  return all
    .map((m, i) => ({ m, i }))
    .sort((x, y) => y.m.time - x.m.time || x.i - y.i)
    .slice(0, cap)
    .map((x) => x.m);
}

/**
 * Best cosine of a document (spread over `dense` by term id, weights already normalised tf·idf
 * times idf) with one member; each member's norm is recomputed only once the corpus grew past
 * `drift` since it was cached.
 */
export function bestMemberCosine(
  members: readonly Member[],
  dense: Float64Array,
  idf: (id: number) => number,
  docs: number,
  drift: number,
): number {
  let best = 0;
  for (const m of members) {
    const norm = memberNorm(m, idf, docs, drift);
    if (norm > 0) best = Math.max(best, m.vec.dotDense(dense) / norm);
  }
  return best;
}

/** The member's tf·idf norm, recomputed only once the corpus grew past `drift` since it was cached. */
export function memberNorm(m: Member, idf: (id: number) => number, docs: number, drift: number): number {
  if (m.normDocs < 0 || docs - m.normDocs > m.normDocs * drift) {
    let norm = 0;
    m.vec.forEach((w, id) => {
      const v = w * idf(id);
      norm += v * v;
    });
    m.norm = Math.sqrt(norm);
    m.normDocs = docs;
  }
  return m.norm;
}

/** The member's weights times idf², ids as in its vector: one side of a cosine by `dotSorted`. */
export function idfSquared(m: Member, idf: (id: number) => number): Float64Array {
  const ws = new Float64Array(m.vec.size);
  let k = 0;
  m.vec.forEach((w, id) => {
    const f = idf(id);
    ws[k++] = w * f * f;
  });
  return ws;
}

/** Each member's `n` strongest terms by tf·idf (entered in the candidate index). */
export function strongestTerms(members: readonly Member[], n: number, idf: (id: number) => number): number[] {
  const out: number[] = [];
  if (n <= 0) return out;
  for (const m of members) {
    const ranked: Array<[number, number]> = [];
    m.vec.forEach((w, id) => ranked.push([id, w * idf(id)]));
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (let i = 0; i < Math.min(n, ranked.length); i++) out.push(ranked[i]![0]);
  }
  return out;
}
