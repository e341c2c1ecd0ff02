// The online clustering step, pure and in memory: one article in, one issue out, deterministic for
// the same input order. Centroids keep raw (sublinear, length-normalised) term frequencies and IDF is
// applied at comparison time, so issues founded while the IDF was still immature are judged with
// today's IDF. Candidates come from an inverted index over each live issue's top terms, with capped
// posting lists, so the work per article depends on the news rate, not on the archive size.
import type { TermBag } from './features.ts';
import { CandidateIndex, kthLargest } from './candidate-index.ts';
import { DenseDoc, SparseVector } from './sparse-vector.ts';
import { Vocabulary, type DfPrior } from './vocabulary.ts';
import { isLatinTerm, isNameKey, neutralCosine, TermClass, TermClasses } from './cross-language.ts';
import {
  bestMemberCosine,
  idfSquared,
  keepNewest,
  memberNorm,
  newMember,
  sameMember,
  strongestTerms,
  type Member,
} from './member-sample.ts';
import { twoDenseGroups } from './split.ts';
import { HEADLINE_ECHO } from './tokens.ts';

export interface EngineConfig {
  /** Smallest similarity (after the time factor) for an article to join an existing issue. */
  threshold: number;
  /** Terms an article contributes (its strongest by tf·idf); the tail is noise and memory. */
  docTerms: number;
  /** Terms kept per centroid (by weight). */
  centroidTerms: number;
  /** An issue's terms entered in the candidate index. */
  indexTerms: number;
  /** The article's strongest terms looked up in the index. */
  queryTerms: number;
  /** Newest issues kept per index term; older ones fall off the list. */
  postingCap: number;
  /** Candidates scored in full after the index vote. */
  maxCandidates: number;
  /** Similarity halves for every this many ms between the article and the issue's latest article. */
  halfLifeMs: number;
  /** Issues idle longer than this leave the candidate index (their story is over). */
  horizonMs: number;
  /** Two issues whose centroids are this similar after a join are merged (0 disables). */
  mergeThreshold: number;
  /** Threshold grows by this share as an issue grows (bigger centroids are smoother, so every article looks closer). */
  sizeGain: number;
  /** Neighbours the document came this close to joining (share of their bar) are checked for a merge. */
  bridgeMargin: number;
  /** Newest members kept per issue and compared one by one (0 compares the centroid only). */
  memberSample: number;
  /** Cosine with one sampled member that is enough to join, whatever the issue's size. */
  memberThreshold: number;
  /** Each sampled member's strongest terms also entered in the candidate index, so a drifted story is found. */
  memberIndexTerms: number;
  /**
   * Evidence (the summed IDF of shared language-neutral terms: figures, name keys) for a document to
   * join an issue written in another script (0 disables). Three rare shared names or figures clear it.
   */
  crossThreshold: number;
  /** Neutral terms a cross-language document must share with the issue. */
  crossMinShared: number;
  /** An issue's strongest neutral terms also entered in the candidate index, so another language finds it. */
  neutralIndexTerms: number;
  /** Share of its bar an issue's similarity must reach to win as the clear winner (0 disables). */
  clearMargin: number;
  /** How many times the runner-up's margin the clear winner's must be. */
  clearRatio: number;
  /**
   * Share of its bar a match whose headline shares a word with the issue's headlines needs to win,
   * when no other candidate that close shares one (0 disables).
   */
  headlineMargin: number;
  /** Sampled members each part of a split needs (split.ts). */
  splitMinGroup: number;
  /** Mean member cosine between two groups at or under which the issue splits (0 disables). */
  splitBetween: number;
  /** How many times the mean cosine between the groups each group's own mean must be. */
  splitRatio: number;
}

export const DEFAULT_ENGINE: EngineConfig = {
  threshold: 0.063,
  docTerms: 200,
  centroidTerms: 300,
  indexTerms: 60,
  queryTerms: 60,
  postingCap: 64,
  maxCandidates: 12,
  halfLifeMs: 3 * 86_400_000,
  horizonMs: 7 * 86_400_000,
  mergeThreshold: 0.15,
  sizeGain: 0.5,
  bridgeMargin: 0.75,
  memberSample: 8,
  memberThreshold: 0.11,
  memberIndexTerms: 20,
  crossThreshold: 8,
  crossMinShared: 3,
  neutralIndexTerms: 12,
  clearMargin: 0.8,
  clearRatio: 2,
  headlineMargin: 0.7,
  splitMinGroup: 2,
  splitBetween: 0.06,
  splitRatio: 3,
};

export interface ClusterState {
  id: number;
  /** Sum of members' normalised tf vectors, term id → weight. */
  centroid: SparseVector;
  size: number;
  lastTime: number;
  indexed: number[];
  /** Centroid norm under the IDF of `normDocs` documents (recomputed when either drifts). */
  norm: number;
  normDocs: number;
  /** The newest members (at most memberSample): a story that drifts still matches its latest turn. */
  members: Member[];
  /** The script of the centroid (cross-language.ts) as of `scriptSize` members. */
  script?: TermClass;
  scriptSize?: number;
}

export interface Assignment {
  clusterId: number;
  similarity: number;
  created: boolean;
  /** Issues the join made redundant, merged into clusterId. */
  absorbed: number[];
  /** The join left clusterId holding two stories: these members moved to the new issue `into`. */
  split?: IssueSplit;
}

export interface IssueSplit {
  into: number;
  moved: number[];
}

/** A document as the engine keeps it: term id → normalised sublinear tf. */
export type DocVector = Map<number, number>;

const EMPTY: ReadonlySet<number> = new Set();

interface Flat {
  ids: Int32Array;
  /** Normalised tf·idf times idf once more: the centroid side brings raw tf, so the dot needs idf². */
  ws: Float64Array;
}

/** A flattened document spread over the engine's DenseDoc (valid until the next one is loaded). */
type Dense = Float64Array;
/** IDF moves slowly; a cached centroid norm is trusted until the corpus grew by this share. */
const NORM_DRIFT = 0.02;
/** A same-language match this clear is never second-guessed by the cross-language comparison. */
const CLEAR_MARGIN = 2;
const HEADLINE_CODE = HEADLINE_ECHO.charCodeAt(0);
/** Share of a near miss's headline the issue must already use (headlineMargin). */
const HEADLINE_COVERAGE = 0.05;

export class ClusterEngine {
  readonly vocab: Vocabulary;
  private readonly classes: TermClasses;
  readonly clusters = new Map<number, ClusterState>();
  private readonly index: CandidateIndex;
  /** Editor-curated issues: the engine never merges them into others or others into them. */
  readonly frozen = new Set<number>();
  private nextId = 1;
  /** Issues the latest bestMatch found close enough to join: the neighbours a join may bridge. */
  private lastCandidates: number[] = [];
  /** Pairs of issues a split parted ("a:b", a < b): a later join must not merge them back. */
  private readonly parted = new Set<string>();
  /** The document being scored, by term id (one per engine: the engine is synchronous). */
  private readonly denseDoc = new DenseDoc();

  constructor(
    readonly config: EngineConfig = DEFAULT_ENGINE,
    prior?: DfPrior,
  ) {
    // Name keys serve the cross-language comparison only; in the ordinary cosine they would count
    // every English name twice (the word and its key) and blur the issues of one language.
    this.vocab = new Vocabulary(prior, isNameKey, isLatinTerm);
    this.classes = new TermClasses(this.vocab);
    this.index = new CandidateIndex(config.postingCap, (issueId, term) => {
      const e = this.clusters.get(issueId);
      if (e) e.indexed = e.indexed.filter((t) => t !== term);
    });
  }

  idf(id: number): number {
    return this.vocab.idf(id);
  }

  /** Counts the document in the IDF and returns its tf vector (call once per new article). */
  observe(bag: TermBag): DocVector {
    const ids = new Map<number, number>();
    for (const [term, tf] of bag) ids.set(this.vocab.addDocTerm(term), tf);
    this.vocab.docs++;
    return this.toVector(ids);
  }

  /** The tf vector of a bag without counting it in the IDF (revisions, similarity probes). */
  vectorOf(bag: TermBag): DocVector {
    const ids = new Map<number, number>();
    for (const [term, tf] of bag) {
      const id = this.vocab.idOf(term);
      if (id !== undefined) ids.set(id, tf);
    }
    return this.toVector(ids);
  }

  private toVector(tfs: Map<number, number>): DocVector {
    const limit = this.config.docTerms;
    const cutoff =
      tfs.size > limit
        ? kthLargest(
            Float64Array.from(tfs, ([id, tf]) => (1 + Math.log(Math.max(1, tf))) * this.idf(id)),
            limit,
          )
        : -Infinity;
    const out: DocVector = new Map();
    let norm = 0;
    let kept = 0;
    const muted: Array<[number, number]> = [];
    tfs.forEach((tf, id) => {
      const w = 1 + Math.log(Math.max(1, tf));
      // Muted terms (name keys) weigh nothing in the cosine, so they neither use up nor compete for a place.
      if (this.vocab.isMutedId(id)) muted.push([id, w]);
      else if (kept < limit && w * this.idf(id) >= cutoff) {
        out.set(id, w);
        norm += w * w;
        kept++;
      }
    });
    norm = Math.sqrt(norm) || 1;
    out.forEach((w, id) => out.set(id, w / norm));
    for (const [id, w] of muted) out.set(id, w / norm);
    return out;
  }

  /** Cosine of two tf vectors under the current IDF. */
  similarity(a: Iterable<[number, number]>, b: Iterable<[number, number]>): number {
    const x = this.weigh(a);
    const y = this.weigh(b);
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    let dot = 0;
    for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    return dot;
  }

  /** The issue a document should join, or null when none is close enough; changes nothing. */
  bestMatch(
    vec: DocVector,
    time: number,
    exclude: ReadonlySet<number> = EMPTY,
  ): { clusterId: number; similarity: number } | null {
    const weighted = this.weigh(vec);
    const doc = this.spread(this.flat(weighted));
    let best: ClusterState | undefined;
    let bestSim = 0;
    let bestMargin = 0;
    let secondMargin = 0;
    /** Candidates close enough for the headline rule, judged only if nothing clearer wins. */
    const near: ClusterState[] = [];
    this.lastCandidates = [];
    for (const c of this.candidates(weighted, time)) {
      if (exclude.has(c.id)) continue;
      const decay = this.timeFactor(time, c.lastTime);
      const centroidSim = this.clusterSimilarity(doc, c) * decay;
      const memberSim = this.memberSimilarity(doc, c) * decay;
      // Ranked by how far each clears its own bar (the centroid's grows with size), not by raw similarity.
      const centroidMargin = centroidSim / this.thresholdFor(c);
      const memberMargin = memberSim / this.config.memberThreshold;
      const sim = memberMargin > centroidMargin ? memberSim : centroidSim;
      const margin = Math.max(centroidMargin, memberMargin);
      if (margin >= this.config.bridgeMargin) this.lastCandidates.push(c.id);
      if (this.config.headlineMargin > 0 && margin >= this.config.headlineMargin) near.push(c);
      if (margin > bestMargin || (margin === bestMargin && best && c.id < best.id)) {
        secondMargin = bestMargin;
        best = c;
        bestSim = sim;
        bestMargin = margin;
      } else if (margin > secondMargin) secondMargin = margin;
    }
    // A weak match in the document's own language may only be its language (an English report meeting
    // another English report of a different story); the same story told in Korean outbids it.
    if (this.config.crossThreshold > 0 && bestMargin < CLEAR_MARGIN) {
      const cross = this.crossLanguageMatch(vec, time, exclude);
      if (cross && cross.margin > bestMargin) return { clusterId: cross.clusterId, similarity: cross.similarity };
    }
    return best &&
      (bestMargin >= 1 || this.clearWinner(bestMargin, secondMargin) || this.headlineWinner(vec, best, near))
      ? { clusterId: best.id, similarity: bestSim }
      : null;
  }

  /**
   * A near miss whose headline names what the issue's articles already write about (the snowstorm's
   * greenhouses: 폭설 in every headline), while no other near issue's articles use its headline's
   * words: a new angle on the event rather than a neighbouring topic (a drama's ratings that mention
   * the festival in passing share the festival's body words, not its headline's).
   */
  private headlineWinner(vec: DocVector, best: ClusterState, near: readonly ClusterState[]): boolean {
    if (!near.includes(best)) return false;
    const headline = this.headlineTerms(vec);
    const names = (c: ClusterState) => this.headlineCoverage(headline, c) >= HEADLINE_COVERAGE;
    return names(best) && !near.some((c) => c !== best && names(c));
  }

  /** The words the document's headline names its event by, as [word id, idf] (features.ts echoes them). */
  private headlineTerms(vec: DocVector): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const id of vec.keys()) {
      const term = this.vocab.term(id);
      if (term.charCodeAt(0) !== HEADLINE_CODE) continue;
      const word = this.vocab.idOf(term.slice(1));
      if (word !== undefined) out.push([word, this.vocab.rawIdf(word)]);
    }
    return out;
  }

  /** IDF-weighted share of the headline's words the issue's articles also use. */
  private headlineCoverage(headline: ReadonlyArray<[number, number]>, c: ClusterState): number {
    let all = 0;
    let shared = 0;
    for (const [id, idf] of headline) {
      all += idf;
      if (c.centroid.get(id)) shared += idf;
    }
    return all > 0 ? shared / all : 0;
  }

  /**
   * Below the bar, but far closer to one issue than to any other: a story told from a new angle (the
   * snowstorm's greenhouses, after its roads and ferries) shares little with each report but still
   * more with them than with anything else the portal holds.
   */
  private clearWinner(best: number, second: number): boolean {
    const { clearMargin, clearRatio } = this.config;
    return clearMargin > 0 && best >= clearMargin && best >= clearRatio * second;
  }

  /** The issue in another script the document's figures and names say it belongs to, if any. */
  private crossLanguageMatch(
    vec: DocVector,
    time: number,
    exclude: ReadonlySet<number>,
  ): { clusterId: number; similarity: number; margin: number } | null {
    const neutral = this.classes.neutral(vec);
    if (neutral.size < this.config.crossMinShared) return null;
    const script = this.classes.scriptOf(vec);
    if (script === TermClass.Other) return null;
    const weighted = new Map<number, number>();
    neutral.forEach((w, id) => weighted.set(id, w * this.vocab.rawIdf(id)));
    let best: { clusterId: number; similarity: number; margin: number } | null = null;
    let bestMargin = 1;
    for (const id of this.index.vote(weighted, this.config.queryTerms, this.config.maxCandidates)) {
      const c = this.clusters.get(id);
      if (!c || exclude.has(id) || time - c.lastTime > this.config.horizonMs) continue;
      if (this.scriptOf(c) === script) continue;
      const { sim, shared, evidence } = neutralCosine(neutral, c.centroid, this.classes, (t) => this.vocab.rawIdf(t));
      if (shared < this.config.crossMinShared) continue;
      const decay = this.timeFactor(time, c.lastTime);
      const decayed = evidence * decay;
      const margin = decayed / this.config.crossThreshold;
      if (margin >= bestMargin) {
        best = { clusterId: id, similarity: sim * decay, margin };
        bestMargin = margin;
      }
    }
    return best;
  }

  /** Adds the document to an issue, then merges neighbours the issue has grown into; returns them. */
  join(
    clusterId: number,
    vec: DocVector,
    time: number,
    exclude: ReadonlySet<number> = EMPTY,
    docId?: number,
  ): number[] {
    this.add(clusterId, vec, time, docId);
    // An issue's reach changes most while it is small; checking big ones on every join doubles the cost.
    const size = this.clusters.get(clusterId)!.size;
    const check = this.config.mergeThreshold > 0 && (size <= 8 || size % 4 === 0);
    return check ? this.absorbNeighbours(clusterId, time, exclude) : [];
  }

  /** Finds the best issue for a document, or founds a new one (ids chosen by the engine). */
  assign(vec: DocVector, time: number, exclude: ReadonlySet<number> = EMPTY, docId?: number): Assignment {
    const match = this.bestMatch(vec, time, exclude);
    if (!match) {
      const id = this.createCluster(time);
      this.add(id, vec, time, docId);
      return { clusterId: id, similarity: 1, created: true, absorbed: [] };
    }
    const absorbed = this.join(match.clusterId, vec, time, exclude, docId);
    const assignment: Assignment = {
      clusterId: match.clusterId,
      similarity: match.similarity,
      created: false,
      absorbed,
    };
    const parts = this.joinMayPart(match.clusterId, docId) ? this.findSplit(match.clusterId) : null;
    if (parts) {
      const into = this.createCluster(time);
      this.split(match.clusterId, parts.move, into);
      assignment.split = { into, moved: [...parts.move] };
      if (parts.move.has(docId ?? Number.NaN)) assignment.clusterId = into;
    }
    return assignment;
  }

  /**
   * Whether the member just joined is far from some other sampled member: only then can the join have
   * begun a second group. A member close to all of them only tightens the issue, so most joins stop
   * here after one cosine per sampled member instead of all pairs.
   */
  joinMayPart(clusterId: number, docId: number | undefined): boolean {
    const c = this.clusters.get(clusterId);
    const { splitMinGroup, splitBetween } = this.config;
    if (!c || splitBetween <= 0 || this.frozen.has(clusterId) || c.members.length < 2 * splitMinGroup) return false;
    const joined = c.members.find((m) => m.docId === docId);
    if (!joined || docId === undefined) return false;
    const idf = (id: number) => this.idf(id);
    const ws = idfSquared(joined, idf);
    const norm = memberNorm(joined, idf, this.vocab.docs, NORM_DRIFT) || 1;
    for (const m of c.members) {
      if (m === joined) continue;
      const cos = m.vec.dotSorted(joined.vec.ids, ws) / (norm * (memberNorm(m, idf, this.vocab.docs, NORM_DRIFT) || 1));
      if (cos <= 2 * splitBetween) return true;
    }
    return false;
  }

  /**
   * The members to move out when the issue's sample holds two stories (split.ts), or null. The part
   * that holds `anchor` (the article the issue is named after) keeps the issue, so its name and slug
   * stand; without one, the part closer to the older, unsampled members, then the bigger, then the
   * one with the oldest member. Curated issues never split, nor do members the engine cannot name.
   */
  findSplit(clusterId: number, anchor?: number): { move: Set<number> } | null {
    const c = this.clusters.get(clusterId);
    const { splitMinGroup, splitBetween, splitRatio } = this.config;
    if (!c || splitBetween <= 0 || this.frozen.has(clusterId) || c.members.length < 2 * splitMinGroup) return null;
    const n = c.members.length;
    // Each member's weights times idf² once, so every pair is one merge of two sorted id lists.
    const idf = (id: number) => this.idf(id);
    const scaled = c.members.map((m) => idfSquared(m, idf));
    const norms = c.members.map((m) => memberNorm(m, idf, this.vocab.docs, NORM_DRIFT) || 1);
    const sim = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const a = c.members[i]!.vec;
      for (let j = i + 1; j < n; j++) {
        const cos = c.members[j]!.vec.dotSorted(a.ids, scaled[i]!) / (norms[i]! * norms[j]!);
        sim[i * n + j] = sim[j * n + i] = cos;
      }
    }
    const groups = twoDenseGroups(sim, n, { minGroup: splitMinGroup, maxBetween: splitBetween, minRatio: splitRatio });
    if (!groups) return null;
    const members = (part: number[]) => part.map((i) => c.members[i]!);
    let [keep, move] = [members(groups.a), members(groups.b)];
    const holds = (part: Member[], id: number) => part.some((m) => m.docId === id);
    if (anchor !== undefined && (holds(keep, anchor) || holds(move, anchor))) {
      if (holds(move, anchor)) [keep, move] = [move, keep];
    } else if (c.size > n) {
      let rest = c.centroid;
      for (const m of c.members) rest = rest.plus(m.vec, -1);
      const restW = this.weigh(rest);
      const closeness = (part: Member[]) => dot(restW, this.weigh(sumOf(part)));
      if (closeness(move) > closeness(keep)) [keep, move] = [move, keep];
    } else if (move.length > keep.length) [keep, move] = [move, keep];
    else if (move.length === keep.length && oldest(move) < oldest(keep)) [keep, move] = [move, keep];
    if (move.some((m) => m.docId === undefined)) return null;
    return { move: new Set(move.map((m) => m.docId!)) };
  }

  /** Moves the sampled members `move` (doc ids) out of issue `from` into the new issue `into`. */
  split(from: number, move: ReadonlySet<number>, into: number): void {
    const c = this.clusters.get(from);
    if (!c) return;
    const moving = c.members.filter((m) => m.docId !== undefined && move.has(m.docId));
    if (moving.length === 0) return;
    const t = this.clusters.get(into) ?? this.clusters.get(this.createCluster(c.lastTime, into))!;
    for (const m of moving) {
      c.centroid = c.centroid.plus(m.vec, -1);
      t.centroid = t.centroid.plus(m.vec);
      t.lastTime = Math.max(t.lastTime, m.time);
    }
    c.size -= moving.length;
    t.size += moving.length;
    c.members = c.members.filter((m) => !moving.includes(m));
    t.members = keepNewest(t.members, moving, Math.max(1, this.config.memberSample));
    if (c.members.length) c.lastTime = Math.max(...c.members.map((m) => m.time));
    c.normDocs = t.normDocs = -1;
    this.parted.add(partedKey(from, into));
    this.reindex(c);
    this.reindex(t);
  }

  createCluster(time: number, id = this.nextId): number {
    this.nextId = Math.max(this.nextId, id + 1);
    this.clusters.set(id, {
      id,
      centroid: new SparseVector(),
      size: 0,
      lastTime: time,
      indexed: [],
      norm: 0,
      normDocs: -1,
      members: [],
    });
    return id;
  }

  /** Adds a member's vector to an issue (also used when restoring and for editor locks). */
  add(clusterId: number, vec: DocVector, time: number, docId?: number): void {
    const c = this.clusters.get(clusterId) ?? this.clusters.get(this.createCluster(time, clusterId))!;
    c.centroid = c.centroid.plus(SparseVector.fromEntries(vec));
    c.size++;
    c.normDocs = -1;
    // Members are compared in the ordinary cosine only, where muted terms (name keys) count for nothing.
    const member = newMember(this.audible(vec), time, docId);
    this.sample(c, [member]);
    if (time > c.lastTime) c.lastTime = time;
    if (c.centroid.size > this.config.centroidTerms * 1.5) this.truncate(c);
    // The top terms of a grown issue rarely change; re-ranking them on every join costs more than it buys.
    if (c.size <= 4 || c.size % 4 === 0) this.reindex(c);
    else {
      // The newest member's own terms join the index now; a stale member's leave at the next reindex.
      const known = new Set(c.indexed);
      if (c.members.includes(member)) for (const t of this.memberTerms([member])) if (!known.has(t)) c.indexed.push(t);
      this.touch(c);
    }
  }

  /** The vector without its muted terms. */
  private audible(vec: Iterable<[number, number]>): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const e of vec) if (!this.vocab.isMutedId(e[0])) out.push(e);
    return out;
  }

  /** Takes a member's vector out of an issue (withdrawal, revision, an editor moving it). */
  remove(clusterId: number, vec: DocVector): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    c.centroid = c.centroid.plus(SparseVector.fromEntries(vec), -1);
    c.size = Math.max(0, c.size - 1);
    c.normDocs = -1;
    // An article that left (withdrawn, revised, moved out by an editor) must not keep pulling others in.
    const audible = this.audible(vec);
    c.members = c.members.filter((m) => !sameMember(m, audible));
    if (c.size === 0) this.drop(clusterId);
    else this.reindex(c);
  }

  /** Folds issue `from` into `into` (editor merge, or the engine's own). */
  merge(from: number, into: number): void {
    const a = this.clusters.get(from);
    if (!a || from === into) return;
    const b = this.clusters.get(into) ?? this.clusters.get(this.createCluster(a.lastTime, into))!;
    b.centroid = b.centroid.plus(a.centroid);
    b.size += a.size;
    b.lastTime = Math.max(a.lastTime, b.lastTime);
    b.normDocs = -1;
    this.sample(b, a.members);
    this.drop(from);
    if (b.centroid.size > this.config.centroidTerms * 1.5) this.truncate(b);
    this.reindex(b);
  }

  drop(clusterId: number): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    this.index.remove(clusterId, c.indexed);
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

  /** Puts a stored member back in an issue's sample without counting it again (restoring from storage). */
  rememberMember(clusterId: number, vec: Iterable<[number, number]>, time: number, docId?: number): void {
    const c = this.clusters.get(clusterId);
    if (c) this.sample(c, [newMember(this.audible(vec), time, docId)]);
  }

  /** Replaces an issue's centroid wholesale (restoring from storage). */
  restore(id: number, centroid: Iterable<[number, number]>, size: number, lastTime: number): void {
    this.drop(id);
    this.createCluster(lastTime, id);
    const c = this.clusters.get(id)!;
    c.centroid = SparseVector.fromEntries(centroid);
    c.size = size;
    this.reindex(c);
  }

  /** Term id → tf·idf of the issue's centroid, strongest first. */
  rankedTerms(c: ClusterState, n = Infinity): Array<[number, number]> {
    const scores = new Float64Array(c.centroid.size);
    let k = 0;
    c.centroid.forEach((w, id) => (scores[k++] = w * this.idf(id)));
    const cutoff = c.centroid.size > n ? kthLargest(scores, n) : -Infinity;
    const out: Array<[number, number]> = [];
    c.centroid.forEach((w, id) => {
      const v = w * this.idf(id);
      if (v >= cutoff) out.push([id, v]);
    });
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
  }

  private thresholdFor(c: ClusterState): number {
    return this.config.threshold * (1 + this.config.sizeGain * (1 - 1 / Math.max(1, c.size)));
  }

  private weigh(vec: Iterable<[number, number]>): Map<number, number> {
    const out = new Map<number, number>();
    let norm = 0;
    for (const [id, w] of vec) {
      const v = w * this.idf(id);
      // Muted terms weigh nothing here; leaving them out keeps every merge below shorter.
      if (v === 0) continue;
      out.set(id, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, v] of out) out.set(id, v / norm);
    return out;
  }

  /** The weighted vector as parallel arrays sorted by id: the hot loop merges it with each candidate. */
  private flat(weighted: Map<number, number>): Flat {
    const ids = Int32Array.from(weighted.keys()).sort();
    const ws = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) ws[i] = weighted.get(ids[i]!)! * this.idf(ids[i]!);
    return { ids, ws };
  }

  private spread(doc: Flat): Dense {
    return this.denseDoc.load(doc.ids, doc.ws, this.vocab.size);
  }

  private centroidNorm(c: ClusterState): number {
    const docs = this.vocab.docs;
    if (c.normDocs >= 0 && docs - c.normDocs <= c.normDocs * NORM_DRIFT) return c.norm;
    let norm = 0;
    c.centroid.forEach((w, id) => {
      const v = w * this.idf(id);
      norm += v * v;
    });
    c.norm = Math.sqrt(norm);
    c.normDocs = docs;
    return c.norm;
  }

  /** Cosine of a (spread, idf-premultiplied) document with an issue's centroid. */
  private clusterSimilarity(doc: Dense, c: ClusterState): number {
    const norm = this.centroidNorm(c);
    if (norm <= 0) return 0;
    return c.centroid.dotDense(doc) / norm;
  }

  /** Best cosine of the document with one of the issue's sampled members. */
  private memberSimilarity(doc: Dense, c: ClusterState): number {
    return bestMemberCosine(c.members, doc, (id) => this.idf(id), this.vocab.docs, NORM_DRIFT);
  }

  private sample(c: ClusterState, incoming: Member[]): void {
    if (this.config.memberSample > 0) c.members = keepNewest(c.members, incoming, this.config.memberSample);
  }

  private memberTerms(members: readonly Member[]): number[] {
    return strongestTerms(members, this.config.memberIndexTerms, (id) => this.idf(id));
  }

  /** The script most of the issue's weight is written in, recomputed only when its size changed. */
  private scriptOf(c: ClusterState): TermClass {
    if (c.scriptSize !== c.size) {
      c.script = this.classes.scriptOf(c.centroid);
      c.scriptSize = c.size;
    }
    return c.script!;
  }

  /** The issue's strongest language-neutral terms (what a report in another language can find it by). */
  private neutralTerms(c: ClusterState, n = this.config.neutralIndexTerms): number[] {
    if (n <= 0) return [];
    const ranked: Array<[number, number]> = [];
    c.centroid.forEach((w, id) => {
      if (this.classes.of(id) === TermClass.Neutral) ranked.push([id, w * this.vocab.rawIdf(id)]);
    });
    return ranked
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, n)
      .map(([id]) => id);
  }

  private timeFactor(time: number, last: number): number {
    const dt = Math.abs(time - last);
    return dt <= 0 ? 1 : 0.5 ** (dt / this.config.halfLifeMs);
  }

  private candidates(weighted: Map<number, number>, time: number): ClusterState[] {
    const out: ClusterState[] = [];
    for (const id of this.index.vote(weighted, this.config.queryTerms, this.config.maxCandidates)) {
      const c = this.clusters.get(id);
      if (c && time - c.lastTime <= this.config.horizonMs) out.push(c);
    }
    return out;
  }

  private absorbNeighbours(clusterId: number, time: number, exclude: ReadonlySet<number>): number[] {
    if (this.frozen.has(clusterId)) return [];
    const c = this.clusters.get(clusterId)!;
    const flat = this.spread(this.flat(this.weigh(c.centroid)));
    const absorbed: number[] = [];
    // Only issues the document itself could have joined: a join bridges nothing else.
    for (const id of this.lastCandidates) {
      const other = this.clusters.get(id);
      if (!other || other.id === clusterId || exclude.has(other.id) || this.frozen.has(other.id)) continue;
      if (this.parted.has(partedKey(clusterId, other.id))) continue;
      if (time - other.lastTime > this.config.horizonMs) continue;
      if (this.clusterSimilarity(flat, other) >= this.config.mergeThreshold) absorbed.push(other.id);
    }
    for (const id of absorbed) this.merge(id, clusterId);
    return absorbed;
  }

  private truncate(c: ClusterState): void {
    const keep = new Set(this.rankedTerms(c, this.config.centroidTerms).map(([id]) => id));
    // The neutral terms weigh little in the ranking (name keys nothing), yet they are all another language has.
    for (const id of this.neutralTerms(c, 4 * this.config.neutralIndexTerms)) keep.add(id);
    c.centroid = c.centroid.filter(keep);
  }

  private reindex(c: ClusterState): void {
    this.index.remove(c.id, c.indexed);
    const terms = new Set(this.rankedTerms(c, this.config.indexTerms).map(([id]) => id));
    for (const t of this.memberTerms(c.members)) terms.add(t);
    for (const t of this.neutralTerms(c)) terms.add(t);
    c.indexed = [...terms];
    this.touch(c);
  }

  /** Moves the issue to the young end of its posting lists, so the cap evicts stale issues first. */
  private touch(c: ClusterState): void {
    this.index.touch(c.id, c.indexed);
  }
}

function dot(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [id, w] of small) sum += w * (large.get(id) ?? 0);
  return sum;
}

function sumOf(members: readonly Member[]): SparseVector {
  let sum = new SparseVector();
  for (const m of members) sum = sum.plus(m.vec);
  return sum;
}

function oldest(members: readonly Member[]): number {
  return Math.min(...members.map((m) => m.time));
}

function partedKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
