// The in-memory peers on the synthetic corpus (speed only): build time and query latency, with
// the configuration that did best for each on KorQuAD (see eval-search-peers.ts).
import { performance } from 'node:perf_hooks';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { segmentWords } from './eval-search-peers.ts';
import { latencySummary } from './search-support.ts';

export interface PeerDoc {
  id: number;
  headline: string;
  body: string;
}

export interface PeerTiming {
  system: string;
  buildS: number;
  sets: Array<{ set: string; p50: number; p95: number; empty: number }>;
}

/** Latency, and how many queries found nothing (the peers match whole words, particles and all). */
async function time(queries: string[], run: (q: string) => Promise<number> | number) {
  const samples: number[] = [];
  for (const q of queries.slice(0, 5)) await run(q);
  let empty = 0;
  for (const q of queries) {
    const t0 = performance.now();
    if ((await run(q)) === 0) empty++;
    samples.push(performance.now() - t0);
  }
  return { ...latencySummary(samples), empty };
}

/** Orama keeps per-token structures that exceed Node's default 4 GB heap at 100k articles; opt in with withOrama. */
export async function benchPeers(
  docs: PeerDoc[],
  sets: Array<{ name: string; queries: string[] }>,
  withOrama = false,
): Promise<PeerTiming[]> {
  const out: PeerTiming[] = [];
  const done = (t: PeerTiming) => {
    out.push(t);
    for (const s of t.sets)
      process.stderr.write(
        `row: ${t.system} (built in ${t.buildS.toFixed(0)} s) | ${s.set} | p50 ${s.p50.toFixed(2)} | p95 ${s.p95.toFixed(2)} | ${s.empty} found nothing\n`,
      );
  };
  {
    const t0 = performance.now();
    const ms = new MiniSearch({ fields: ['headline', 'body'], tokenize: segmentWords });
    ms.addAll(docs);
    const buildS = (performance.now() - t0) / 1000;
    const timing: PeerTiming = { system: 'MiniSearch 7 + Intl.Segmenter(ko)', buildS, sets: [] };
    for (const s of sets)
      timing.sets.push({ set: s.name, ...(await time(s.queries, (q) => ms.search(q).slice(0, 10).length)) });
    done(timing);
  }
  {
    const t0 = performance.now();
    const index = new FlexSearch.Index({});
    for (const d of docs) index.add(d.id, `${d.headline} ${d.body}`);
    const buildS = (performance.now() - t0) / 1000;
    const timing: PeerTiming = { system: 'FlexSearch 0.8 default + suggest', buildS, sets: [] };
    for (const s of sets)
      timing.sets.push({
        set: s.name,
        ...(await time(s.queries, (q) => index.search(q, { limit: 10, suggest: true }).length)),
      });
    done(timing);
  }
  if (withOrama) {
    const t0 = performance.now();
    const db = create({
      schema: { headline: 'string', body: 'string' } as const,
      components: {
        tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => segmentWords(raw) },
      },
    });
    await insertMultiple(
      db,
      docs.map((d) => ({ id: String(d.id), headline: d.headline, body: d.body })),
      5000,
    );
    const buildS = (performance.now() - t0) / 1000;
    const timing: PeerTiming = { system: 'Orama 3 + Intl.Segmenter(ko)', buildS, sets: [] };
    for (const s of sets)
      timing.sets.push({
        set: s.name,
        ...(await time(s.queries, async (q) => (await oramaSearch(db, { term: q, limit: 10 })).hits.length)),
      });
    done(timing);
  }
  return out;
}
