// Clusters a whole ordered stream in memory with the shipped pipeline (evaluation, benchmarks, tests).
import { createEngine } from './df-prior.ts';
import { articleTerms } from './features.ts';
import { SHIPPED_CLUSTERING, type ClusteringSettings } from './settings.ts';

export interface StreamDoc {
  headline: string;
  body: string;
  time: number;
}

/** Returns each document's final issue id (after any merges and splits), in input order. */
export function clusterStream(docs: readonly StreamDoc[], settings: ClusteringSettings = SHIPPED_CLUSTERING): number[] {
  const engine = createEngine(settings);
  const assigned: number[] = [];
  const redirect = new Map<number, number>();
  for (const [i, doc] of docs.entries()) {
    const vec = engine.observe(articleTerms(doc.headline, doc.body, settings.features));
    const a = engine.assign(vec, doc.time, undefined, i);
    for (const gone of a.absorbed) redirect.set(gone, a.clusterId);
    assigned.push(a.clusterId);
    // Moved members are named directly: their old issue lives on, so no redirect would be right.
    if (a.split) for (const d of a.split.moved) assigned[d] = a.split.into;
  }
  const resolve = (id: number): number => {
    let cur = id;
    while (redirect.has(cur)) cur = redirect.get(cur)!;
    return cur;
  };
  return assigned.map(resolve);
}
