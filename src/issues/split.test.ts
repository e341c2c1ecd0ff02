import { describe, expect, it } from 'vitest';
import { ClusterEngine, DEFAULT_ENGINE } from './engine.ts';
import { twoDenseGroups, type SplitRule } from './split.ts';

const RULE: SplitRule = { minGroup: 2, maxBetween: 0.06, minRatio: 3 };

/** A symmetric n×n matrix: `inside` within each listed group, `across` between groups. */
function blocks(groups: number[][], inside: number, across: number): { sim: Float64Array; n: number } {
  const n = groups.flat().length;
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) sim[i * n + j] = groupOf.get(i) === groupOf.get(j) ? inside : across;
  return { sim, n };
}

describe('twoDenseGroups', () => {
  it('finds two dense groups that barely touch, whatever order the members came in', () => {
    const { sim, n } = blocks(
      [
        [0, 2, 5],
        [1, 3, 4, 6],
      ],
      0.3,
      0.01,
    );
    const g = twoDenseGroups(sim, n, RULE)!;
    expect(g.a).toEqual([0, 2, 5]);
    expect(g.b).toEqual([1, 3, 4, 6]);
    expect(g.between).toBeCloseTo(0.01);
  });

  it('leaves one story alone, and never splits off a lone outlier', () => {
    expect(twoDenseGroups(blocks([[0, 1, 2, 3, 4, 5]], 0.3, 0).sim, 6, RULE)).toBeNull();
    expect(twoDenseGroups(blocks([[0, 1, 2, 3, 4], [5]], 0.3, 0).sim, 6, RULE)).toBeNull();
  });

  it('keeps groups that are close to each other, or not dense themselves, together', () => {
    const close = blocks(
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      0.3,
      0.12,
    );
    expect(twoDenseGroups(close.sim, close.n, RULE)).toBeNull();
    const loose = blocks(
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      0.05,
      0.03,
    );
    expect(twoDenseGroups(loose.sim, loose.n, RULE)).toBeNull();
    expect(twoDenseGroups(close.sim, close.n, { ...RULE, maxBetween: 0 })).toBeNull();
  });
});

const HOUR = 3_600_000;
const bag = (terms: string[]) => new Map(terms.map((t) => [t, 2]));
const DAM = ['dam', 'flood', 'river', 'levee', 'evacuation', 'rain'];
const CHESS = ['chess', 'grandmaster', 'tournament', 'opening', 'endgame', 'title'];

/** An engine holding one dam story and one chess story, merged into issue `into` as a bridge would merge them. */
function mergedStories(config = DEFAULT_ENGINE) {
  const engine = new ClusterEngine(config);
  for (let i = 0; i < 30; i++) engine.observe(bag([`topic${i}`, `other${i}`, 'common']));
  const vary = (terms: string[], i: number) => bag([...terms.slice(0, 5), `${terms[0]}${i}`]);
  const dam = [0, 1, 2].map((i) => engine.assign(engine.observe(vary(DAM, i)), i * HOUR, undefined, i).clusterId);
  const chess = [3, 4].map((i) => engine.assign(engine.observe(vary(CHESS, i)), i * HOUR, undefined, i).clusterId);
  expect(new Set(dam).size).toBe(1);
  expect(new Set(chess).size).toBe(1);
  engine.merge(chess[0]!, dam[0]!);
  return { engine, issue: dam[0]!, next: engine.observe(vary(CHESS, 5)) };
}

describe('the split step in the engine', () => {
  it('moves the second story out when a join shows the issue holds two, and keeps them apart', () => {
    const { engine, issue, next } = mergedStories();
    const a = engine.assign(next, 5 * HOUR, undefined, 5);
    expect(a.split).toBeDefined();
    expect(a.split!.moved.sort()).toEqual([3, 4, 5]);
    expect(a.clusterId).toBe(a.split!.into);
    const kept = engine.clusters.get(issue)!;
    const moved = engine.clusters.get(a.split!.into)!;
    expect([kept.size, moved.size]).toEqual([3, 3]);
    expect(kept.members.map((m) => m.docId).sort()).toEqual([0, 1, 2]);
    // Each centroid holds its own story's words only.
    const id = engine.vocab.idOf('chess')!;
    expect(kept.centroid.get(id)).toBeUndefined();
    expect(moved.centroid.get(id)).toBeGreaterThan(0);
    // A later report of either story finds its own issue, and the two are never merged back.
    expect(engine.assign(engine.observe(bag(DAM)), 6 * HOUR, undefined, 6).clusterId).toBe(issue);
    const chess = engine.assign(engine.observe(bag(CHESS)), 7 * HOUR, undefined, 7);
    expect([chess.clusterId, chess.absorbed]).toEqual([a.split!.into, []]);
  });

  it('lets the part holding the anchor (the issue’s lead) keep the issue', () => {
    const { engine, issue } = mergedStories();
    expect([...engine.findSplit(issue)!.move].sort()).toEqual([3, 4]);
    expect([...engine.findSplit(issue, 4)!.move].sort()).toEqual([0, 1, 2]);
  });

  it('never splits a curated issue, nor when splitting is switched off', () => {
    const frozen = mergedStories();
    frozen.engine.frozen.add(frozen.issue);
    expect(frozen.engine.findSplit(frozen.issue)).toBeNull();
    const off = mergedStories({ ...DEFAULT_ENGINE, splitBetween: 0 });
    expect(off.engine.assign(off.next, 5 * HOUR, undefined, 5).split).toBeUndefined();
  });
});
