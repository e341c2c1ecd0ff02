// Engine state as the tables keep it: vectors and centroids as [term, weight] pairs (terms, not the
// process-local term ids), and an issue's top terms for names, related issues and the term index.
import type { ClusterEngine, DocVector } from './engine.ts';

export type TermWeights = Array<[string, number]>;

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** The vector's strongest terms by tf·idf, as [term, tf] pairs (what a membership row keeps). */
export function exportVector(engine: ClusterEngine, vec: DocVector, limit: number): TermWeights {
  return [...vec]
    .sort((a, b) => b[1] * engine.idf(b[0]) - a[1] * engine.idf(a[0]) || a[0] - b[0])
    .slice(0, limit)
    .map(([id, w]) => [engine.vocab.term(id), round(w)]);
}

export function importVector(engine: ClusterEngine, entries: TermWeights | string): DocVector {
  const list = typeof entries === 'string' ? (JSON.parse(entries) as TermWeights) : entries;
  return new Map(list.map(([term, w]) => [engine.vocab.intern(term), w]));
}

export function exportCentroid(engine: ClusterEngine, clusterId: number): TermWeights {
  const c = engine.clusters.get(clusterId);
  if (!c) return [];
  return [...c.centroid].map(([id, w]) => [engine.vocab.term(id), round(w)]);
}

/** Restores an issue saved with exportCentroid. */
export function importCluster(
  engine: ClusterEngine,
  id: number,
  centroid: TermWeights | string,
  size: number,
  lastTime: number,
): void {
  engine.restore(id, importVector(engine, centroid), size, lastTime);
}

/** The strongest terms under the current IDF, weight per member. */
export function topTerms(engine: ClusterEngine, clusterId: number, n: number): TermWeights {
  const c = engine.clusters.get(clusterId);
  if (!c) return [];
  return engine
    .rankedTerms(c)
    .slice(0, n)
    .map(([id, w]) => [engine.vocab.term(id), round(w / c.size)]);
}
