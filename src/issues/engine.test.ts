import { describe, expect, it } from 'vitest';
import { kthLargest } from './candidate-index.ts';
import { ClusterEngine, DEFAULT_ENGINE } from './engine.ts';
import { articleTerms } from './features.ts';
import { clusterStream } from './stream.ts';
import { FIXTURE_ARTICLES } from './test-fixtures.ts';
import { clusterTerms } from './tokens.ts';

const HOUR = 3_600_000;
const docs = FIXTURE_ARTICLES.map((a, i) => ({ headline: a.headline, body: a.body, time: i * HOUR }));

/** True when two assignments describe the same partition (ids may differ). */
function samePartition(a: number[], b: number[]): boolean {
  const ab = new Map<number, number>();
  return (
    a.every((x, i) => (ab.has(x) ? ab.get(x) === b[i] : (ab.set(x, b[i]!), true))) &&
    new Set(a).size === new Set(b).size
  );
}

describe('clustering terms', () => {
  it('strips Korean particles and adds bigrams, stems English and drops function words', () => {
    const ko = clusterTerms('은빛대교를 통제했다');
    expect(ko).toContain('은빛대교');
    expect(ko).toContain('\u0002빛대');
    expect(clusterTerms('은빛대교가')).toContain('은빛대교');
    expect(clusterTerms('The orchestra cancelled its tours')).toEqual(['orchestra', 'cancelled', 'tour']);
  });

  it('weighs headline words above body words', () => {
    const bag = articleTerms('누리별 발사', '누리별 궤도 진입');
    expect(bag.get('발사')).toBeGreaterThan(bag.get('궤도')!);
    expect(bag.get('누리별')).toBe(bag.get('발사')! + 1);
  });
});

describe('ClusterEngine', () => {
  it('groups the same story across presses, in Korean and English, and keeps stories apart', () => {
    const ids = clusterStream(docs);
    const byStory = new Map<string, Set<number>>();
    FIXTURE_ARTICLES.forEach((a, i) => byStory.set(a.story, (byStory.get(a.story) ?? new Set()).add(ids[i]!)));
    expect([...byStory.values()].map((s) => s.size)).toEqual([1, 1, 1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('is deterministic for the same order, and order-robust on clear stories', () => {
    expect(clusterStream(docs)).toEqual(clusterStream(docs));
    const reversed = [...docs].reverse();
    expect(samePartition(clusterStream(reversed).reverse(), clusterStream(docs))).toBe(true);
  });

  it('lets time keep a returning headline apart once the story is long over', () => {
    const engine = new ClusterEngine(DEFAULT_ENGINE);
    const a = engine.observe(articleTerms(docs[0]!.headline, docs[0]!.body));
    const first = engine.assign(a, 0);
    const b = engine.observe(articleTerms(docs[2]!.headline, docs[2]!.body));
    const late = engine.assign(b, DEFAULT_ENGINE.horizonMs + HOUR);
    expect(late.clusterId).not.toBe(first.clusterId);
    expect(engine.evictIdle(DEFAULT_ENGINE.horizonMs + HOUR)).toBe(1);
  });

  it('honours exclusions and never merges frozen (curated) issues', () => {
    const engine = new ClusterEngine(DEFAULT_ENGINE);
    const v = docs.map((d) => engine.observe(articleTerms(d.headline, d.body)));
    const bridge = engine.assign(v[0]!, 0).clusterId;
    const other = engine.assign(v[2]!, HOUR, new Set([bridge]));
    expect(other.clusterId).not.toBe(bridge);
    engine.frozen.add(bridge);
    engine.frozen.add(other.clusterId);
    const third = engine.assign(v[6]!, 2 * HOUR);
    expect(third.absorbed).toEqual([]);
    expect(engine.clusters.has(bridge) && engine.clusters.has(other.clusterId)).toBe(true);
  });

  it('takes a member back out of its centroid and drops an emptied issue', () => {
    const engine = new ClusterEngine(DEFAULT_ENGINE);
    const v = engine.observe(articleTerms(docs[1]!.headline, docs[1]!.body));
    const { clusterId } = engine.assign(v, 0);
    engine.remove(clusterId, v);
    expect(engine.clusters.has(clusterId)).toBe(false);
  });

  it('follows a drifting story through its newest members when the centroid lags behind', () => {
    const bag = (terms: string[]) => new Map(terms.map((t) => [t, 2]));
    const old = ['dam', 'flood', 'river', 'rain', 'levee', 'evacuation'];
    const turn = ['dam', 'flood', 'inquiry', 'minister', 'resigns', 'report'];
    const latest = ['minister', 'resigns', 'parliament', 'vote', 'budget', 'speech'];
    const filler = Array.from({ length: 30 }, (_, i) => bag([`topic${i}`, `other${i}`, 'common']));
    const run = (memberSample: number) => {
      const engine = new ClusterEngine({ ...DEFAULT_ENGINE, memberSample });
      for (const f of filler) engine.observe(f);
      const story = Array.from({ length: 11 }, (_, i) => engine.assign(engine.observe(bag(old)), i * HOUR).clusterId);
      const turned = engine.assign(engine.observe(bag(turn)), 12 * HOUR).clusterId;
      const next = engine.assign(engine.observe(bag(latest)), 13 * HOUR).clusterId;
      return { story: story[0], turned, next, sample: engine.clusters.get(story[0]!)?.members.length };
    };
    const centroidOnly = run(0);
    expect(centroidOnly.turned).toBe(centroidOnly.story);
    expect(centroidOnly.next).not.toBe(centroidOnly.story);
    const withMembers = run(DEFAULT_ENGINE.memberSample);
    expect(withMembers.next).toBe(withMembers.story);
    expect(withMembers.sample).toBe(DEFAULT_ENGINE.memberSample);
  });

  it('forgets a member that left, recognised from its rounded stored vector', () => {
    const engine = new ClusterEngine(DEFAULT_ENGINE);
    const v = [docs[0]!, docs[2]!].map((d) => engine.observe(articleTerms(d.headline, d.body)));
    const { clusterId } = engine.assign(v[0]!, 0);
    expect(engine.assign(v[1]!, HOUR).clusterId).toBe(clusterId);
    const stored = new Map([...v[1]!].slice(0, 48).map(([id, w]) => [id, Math.round(w * 1e5) / 1e5]));
    engine.remove(clusterId, stored);
    const left = engine.clusters.get(clusterId)!.members;
    expect(left.length).toBe(1);
    expect(left[0]!.time).toBe(0);
  });

  it('rates paraphrases above unrelated text', () => {
    const engine = new ClusterEngine(DEFAULT_ENGINE);
    const vs = docs.map((d) => engine.observe(articleTerms(d.headline, d.body)));
    expect(engine.similarity(vs[1]!, vs[4]!)).toBeGreaterThan(engine.similarity(vs[1]!, vs[3]!) + 0.1);
  });
});

describe('kthLargest', () => {
  it('agrees with sorting, duplicates included', () => {
    for (let n = 1; n < 40; n++) {
      const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 11);
      const sorted = Float64Array.from(values).sort();
      for (let k = 1; k <= n; k++) expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[n - k]);
    }
  });
});
