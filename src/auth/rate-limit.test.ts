// The shared rate limiter against real databases, with explicit clocks around a window boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { hitRateLimit, msUntilAllowed, releaseRateLimit } from './rate-limit.ts';

const W = { limit: 3, windowMs: 60_000 };
const T0 = 1_700_000_040_000; // 40 s into a minute window (1_700_000_000_000 is 20 s in)

describe.each(await testDialects())('rate limit (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.dispose());

  it('allows `limit` attempts, then refuses with a Retry-After inside the window', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(t, 'k1', W, T0 + i));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(2 * 60);
  });

  it('does not reset at the window boundary: the previous window still weighs', async () => {
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(t, 'k2', W, T0 + i)).allowed).toBe(true);
    // One second after the boundary the previous 3 attempts still count almost fully.
    const justAfter = T0 - (T0 % 60_000) + 60_000 + 1000;
    expect((await hitRateLimit(t, 'k2', W, justAfter)).allowed).toBe(false);
    await releaseRateLimit(t, 'k2', W, justAfter);
    // Late in the next window the old attempts have faded.
    expect((await hitRateLimit(t, 'k2', W, justAfter + 50_000)).allowed).toBe(true);
  });

  it('keys are independent and released attempts give budget back', async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit(t, 'k3', W, T0);
    await releaseRateLimit(t, 'k3', W, T0);
    expect((await hitRateLimit(t, 'k3', W, T0)).allowed).toBe(true);
    expect((await hitRateLimit(t, 'k4', W, T0)).allowed).toBe(true);
  });

  it('counts parallel attempts exactly', async () => {
    const hits = await Promise.all(
      Array.from({ length: 10 }, () => hitRateLimit(t, 'k5', { limit: 100, windowMs: 60_000 }, T0)),
    );
    expect(Math.max(...hits.map((h) => h.estimate))).toBe(10);
  });

  it('keeps only the current and the previous window of a key', async () => {
    const windows = async () =>
      (await t.db.selectFrom('rate_buckets').select('window_start').where('key', '=', 'k6').execute())
        .map((r) => Number(r.window_start))
        .sort((a, b) => a - b);
    for (let minute = 0; minute < 4; minute++) {
      for (let i = 0; i < 2; i++) await hitRateLimit(t, 'k6', W, T0 + minute * W.windowMs + i);
    }
    const start = T0 - (T0 % W.windowMs);
    expect(await windows()).toEqual([start + 2 * W.windowMs, start + 3 * W.windowMs]);
  });
});

describe('msUntilAllowed', () => {
  it('waits for the previous window to fade, or for the next window', () => {
    const start = T0 - (T0 % 60_000);
    expect(msUntilAllowed(0, 0, W, T0)).toBe(0);
    expect(msUntilAllowed(0, 3, W, T0)).toBeGreaterThan(start + 60_000 - T0);
    expect(msUntilAllowed(4, 1, W, T0)).toBeCloseTo(start + 0.75 * 60_000 - T0);
  });
});
