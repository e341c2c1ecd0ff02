// The online clustering step, pure and in memory: one article in, one issue out, deterministic for
// the same input order. Centroids keep raw (sublinear, length-normalised) term frequencies and IDF is
// applied at comparison time, so issues founded while the IDF was still immature are judged with
// today's IDF. Candidates come from an inverted index over each live issue's top terms, with capped
// posting lists, so the work per article depends on the news rate, not on the archive size.
import type { TermBag } from './features.ts';
import { Vocabulary } from './vocabulary.ts';

export interface EngineConfig {
  /** Smallest similarity (after the time factor) for an article to join an existing issue. */
  threshold: number;
  /** Terms kept per centroid (by weight); the tail only adds noise and cost. */
  centroidTerms: number;
  /** An issue's terms entered in the candidate index. */
  indexTerms: number;
  /** The article's strongest terms looked up in the index. */
  queryTerms: number;
  /** Newest issues kept per index term; older ones fall off the list. */
  postingCap: number;
  /** Candidates scored in full after the index vote. */
  maxCandidates: number;
  /** Similarity halves for every this many ms between the article and the latest article. */
  halfLifeMs: number;
  /** Issues idle longer than this leave the candidate index (their story is over). */
  horizonMs: number;
  /** Two issues whose centroids are this similar after a join are merged (0 disables). */
  mergeThreshold: number;
  /** Threshold grows by this share as an issue grows (bigger centroids are smoother, so every article looks closer). */
  sizeGain: number;
  /** Exponent on term frequency before normalising (1 = sublinear log tf, 0 = presence only). */
  tfPower: number;
  /** Exponent on IDF: above 1 favours the rare names and places that identify one event. */
  idfPower: number;
}

export const DEFAULT_ENGINE: EngineConfig = {
  threshold: 0.07,
  centroidTerms: 300,
  indexTerms: 60,
  queryTerms: 60,
  postingCap: 200,
  maxCandidates: 60,
  halfLifeMs: 3 * 86_400_000,
  horizonMs: 14 * 86_400_000,
  mergeThreshold: 0.2,
  sizeGain: 0.5,
  tfPower: 1,
  idfPower: 1,
};

export interface ClusterState {
  id: number;
  /** Sum of members' normalised tf vectors, term id → weight. */
  centroid: Map<number, number>;
  size: number;
  lastTime: number;
  indexed: number[];
}

export interface Assignment {
  clusterId: number;
  similarity: number;
  created: boolean;
  /** Issues the join made redundant, merged into clusterId. */
  absorbed: number[];
}

/** A document as the engine keeps it: term id → normalised sublinear tf. */
export type DocVector = Map<number, number>;

export class ClusterEngine {
  readonly vocab = new Vocabulary();
  readonly clusters = new Map<number, ClusterState>();
  private readonly postings = new Map<number, number[]>();
  /** Editor-curated issues: the engine never merges them into others or others into them. */
  readonly frozen = new Set<number>();
  private nextId = 1;

  constructor(readonly config: EngineConfig = DEFAULT_ENGINE) {}

  /** Counts the document in the IDF and returns its tf vector (call once per new article). */
  observe(bag: TermBag): DocVector {
    const vec: DocVector = new Map();
    let norm = 0;
    for (const [term, tf] of bag) {
      const id = this.vocab.addDocTerm(term);
      const w = this.tfWeight(tf);
      vec.set(id, w);
      norm += w * w;
    }
    this.vocab.docs++;
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of vec) vec.set(id, w / norm);
    return vec;
  }

  /** The tf vector of a bag without counting it in the IDF (revisions, similarity probes). */
  vectorOf(bag: TermBag): DocVector {
    const vec: DocVector = new Map();
    let norm = 0;
    for (const [term, tf] of bag) {
      const id = this.vocab.idOf(term);
      if (id === undefined) continue;
      const w = this.tfWeight(tf);
      vec.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of vec) vec.set(id, w / norm);
    return vec;
  }

  /** Cosine of two tf vectors under the current IDF. */
  similarity(a: DocVector, b: DocVector): number {
    return cosine(this.weigh(a), this.weigh(b));
  }

  /** The issue a document should join, or null when none is close enough; changes nothing. */
  bestMatch(vec: DocVector, time: number, exclude: ReadonlySet<number> = EMPTY): { clusterId: number; similarity: number } | null {
    const weighted = this.weigh(vec);
    let best: ClusterState | undefined;
    let bestSim = 0;
    let bestMargin = 0;
    for (const c of this.candidates(weighted, time)) {
      if (exclude.has(c.id)) continue;
      const sim = this.clusterSimilarity(weighted, c) * this.timeFactor(time, c.lastTime);
      // Ranked by how far each clears its own (size-dependent) bar, not by raw similarity.
      const margin = sim / this.thresholdFor(c);
      if (margin > bestMargin || (margin === bestMargin && best && c.id < best.id)) {
        best = c;
        bestSim = sim;
        bestMargin = margin;
      }
    }
    return best && bestMargin >= 1 ? { clusterId: best.id, similarity: bestSim } : null;
  }

  /** Adds the document to an issue, then merges neighbours the issue has grown into; returns them. */
  join(clusterId: number, vec: DocVector, time: number, exclude: ReadonlySet<number> = EMPTY): number[] {
    this.add(clusterId, vec, time);
    return this.config.mergeThreshold > 0 ? this.absorbNeighbours(clusterId, time, exclude) : [];
  }

  /** Finds the best issue for a document, or founds a new one (ids chosen by the engine). */
  assign(vec: DocVector, time: number, exclude: ReadonlySet<number> = EMPTY): Assignment {
    const match = this.bestMatch(vec, time, exclude);
    if (!match) {
      const id = this.createCluster(time);
      this.add(id, vec, time);
      return { clusterId: id, similarity: 1, created: true, absorbed: [] };
    }
    const absorbed = this.join(match.clusterId, vec, time, exclude);
    return { clusterId: match.clusterId, similarity: match.similarity, created: false, absorbed };
  }

  createCluster(time: number, id = this.nextId): number {
    this.nextId = Math.max(this.nextId, id + 1);
    this.clusters.set(id, { id, centroid: new Map(), size: 0, lastTime: time, indexed: [] });
    return id;
  }

  /** Adds a member's vector to an issue (also used when restoring and for editor locks). */
  add(clusterId: number, vec: DocVector, time: number): void {
    const c = this.clusters.get(clusterId) ?? this.clusters.get(this.createCluster(time, clusterId))!;
    for (const [id, w] of vec) c.centroid.set(id, (c.centroid.get(id) ?? 0) + w);
    c.size++;
    if (time > c.lastTime) c.lastTime = time;
    if (c.centroid.size > this.config.centroidTerms * 2) this.truncate(c);
    this.reindex(c);
  }

  /** Takes a member's vector out of an issue (withdrawal, revision, an editor moving it). */
  remove(clusterId: number, vec: DocVector): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    for (const [id, w] of vec) {
      const left = (c.centroid.get(id) ?? 0) - w;
      if (left > 1e-9) c.centroid.set(id, left);
      else c.centroid.delete(id);
    }
    c.size = Math.max(0, c.size - 1);
    if (c.size === 0) this.drop(clusterId);
    else this.reindex(c);
  }

  /** Folds issue `from` into `into` (editor merge, or the engine's own). */
  merge(from: number, into: number): void {
    const a = this.clusters.get(from);
    if (!a || from === into) return;
    const b = this.clusters.get(into) ?? this.clusters.get(this.createCluster(a.lastTime, into))!;
    for (const [id, w] of a.centroid) b.centroid.set(id, (b.centroid.get(id) ?? 0) + w);
    b.size += a.size;
    b.lastTime = Math.max(a.lastTime, b.lastTime);
    this.drop(from);
    if (b.centroid.size > this.config.centroidTerms * 2) this.truncate(b);
    this.reindex(b);
  }

  drop(clusterId: number): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    for (const t of c.indexed) this.unpost(t, clusterId);
    this.clusters.delete(clusterId);
  }

  /** Forgets issues idle past the horizon; they stay in the database, just not as candidates. */
  evictIdle(now: number): number {
    let n = 0;
    for (const c of this.clusters.values()) {
      if (now - c.lastTime > this.config.horizonMs) {
        this.drop(c.id);
        n++;
      }
    }
    return n;
  }

  /** The strongest terms under the current IDF (names, related issues, the term index). */
  topTerms(clusterId: number, n: number): Array<[string, number]> {
    const c = this.clusters.get(clusterId);
    if (!c) return [];
    return [...c.centroid]
      .map(([id, w]): [number, number] => [id, w * this.idf(id)])
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, n)
      .map(([id, w]) => [this.vocab.term(id), w / c.size]);
  }

  /** The vector's strongest terms by tf·idf, as [term, tf] pairs (what a membership row keeps). */
  exportVector(vec: DocVector, limit: number): Array<[string, number]> {
    return [...vec]
      .sort((a, b) => b[1] * this.idf(b[0]) - a[1] * this.idf(a[0]) || a[0] - b[0])
      .slice(0, limit)
      .map(([id, w]) => [this.vocab.term(id), round(w)]);
  }

  importVector(entries: ReadonlyArray<[string, number]>): DocVector {
    return new Map(entries.map(([term, w]) => [this.vocab.intern(term), w]));
  }

  exportCentroid(clusterId: number): Array<[string, number]> {
    const c = this.clusters.get(clusterId);
    if (!c) return [];
    return [...c.centroid].map(([id, w]) => [this.vocab.term(id), round(w)]);
  }

  /** Restores an issue saved with exportCentroid. */
  importCluster(id: number, centroid: ReadonlyArray<[string, number]>, size: number, lastTime: number): void {
    this.drop(id);
    this.createCluster(lastTime, id);
    const c = this.clusters.get(id)!;
    for (const [term, w] of centroid) c.centroid.set(this.vocab.intern(term), w);
    c.size = size;
    this.reindex(c);
  }

  private idf(id: number): number {
    const v = this.vocab.idf(id);
    return this.config.idfPower === 1 ? v : Math.pow(v, this.config.idfPower);
  }

  private tfWeight(tf: number): number {
    return Math.pow(1 + Math.log(Math.max(tf, 1e-9) < 1 ? 1 : tf), this.config.tfPower);
  }

  private thresholdFor(c: ClusterState): number {
    return this.config.threshold * (1 + this.config.sizeGain * (1 - 1 / Math.max(1, c.size)));
  }

  private weigh(vec: DocVector): Map<number, number> {
    const out = new Map<number, number>();
    let norm = 0;
    for (const [id, w] of vec) {
      const v = w * this.idf(id);
      out.set(id, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, v] of out) out.set(id, v / norm);
    return out;
  }

  private clusterSimilarity(weighted: Map<number, number>, c: ClusterState): number {
    let dot = 0;
    let norm = 0;
    for (const [id, w] of c.centroid) {
      const v = w * this.idf(id);
      norm += v * v;
      const d = weighted.get(id);
      if (d !== undefined) dot += d * v;
    }
    return norm > 0 ? dot / Math.sqrt(norm) : 0;
  }

  private timeFactor(time: number, last: number): number {
    const dt = Math.abs(time - last);
    return dt <= 0 ? 1 : Math.pow(0.5, dt / this.config.halfLifeMs);
  }

  private candidates(weighted: Map<number, number>, time: number): ClusterState[] {
    const query = [...weighted].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.config.queryTerms);
    const votes = new Map<number, number>();
    for (const [id, w] of query) {
      const list = this.postings.get(id);
      if (!list) continue;
      for (const cid of list) votes.set(cid, (votes.get(cid) ?? 0) + w);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: ClusterState[] = [];
    for (const [cid] of ranked) {
      const c = this.clusters.get(cid);
      if (!c || time - c.lastTime > this.config.horizonMs) continue;
      out.push(c);
      if (out.length >= this.config.maxCandidates) break;
    }
    return out;
  }

  private absorbNeighbours(clusterId: number, time: number, exclude: ReadonlySet<number>): number[] {
    const c = this.clusters.get(clusterId)!;
    const weighted = this.weigh(c.centroid);
    const absorbed: number[] = [];
    if (this.frozen.has(clusterId)) return [];
    for (const other of this.candidates(weighted, time)) {
      if (other.id === clusterId || exclude.has(other.id) || this.frozen.has(other.id)) continue;
      if (this.clusterSimilarity(weighted, other) >= this.config.mergeThreshold) absorbed.push(other.id);
    }
    for (const id of absorbed) this.merge(id, clusterId);
    return absorbed;
  }

  private truncate(c: ClusterState): void {
    const kept = [...c.centroid]
      .sort((a, b) => b[1] * this.idf(b[0]) - a[1] * this.idf(a[0]) || a[0] - b[0])
      .slice(0, this.config.centroidTerms);
    c.centroid = new Map(kept);
  }

  private reindex(c: ClusterState): void {
    const top = [...c.centroid]
      .map(([id, w]): [number, number] => [id, w * this.idf(id)])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, this.config.indexTerms)
      .map(([id]) => id);
    // Re-posting every term moves a growing issue to the young end of each list, so the cap
    // evicts stale issues first.
    for (const t of c.indexed) this.unpost(t, c.id);
    c.indexed = top;
    for (const t of top) this.post(t, c.id);
  }

  private post(term: number, clusterId: number): void {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    list.push(clusterId);
    if (list.length > this.config.postingCap) {
      const evicted = list.shift()!;
      const c = this.clusters.get(evicted);
      if (c) c.indexed = c.indexed.filter((t) => t !== term);
    }
  }

  private unpost(term: number, clusterId: number): void {
    const list = this.postings.get(term);
    if (!list) return;
    const i = list.indexOf(clusterId);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.postings.delete(term);
  }
}

const EMPTY: ReadonlySet<number> = new Set();

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function cosine(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, w] of small) {
    const v = large.get(id);
    if (v !== undefined) dot += w * v;
  }
  return dot;
}
