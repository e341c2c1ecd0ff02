// In a real browser: opening an article sends one view beacon once the page is shown, which
// counts once; opening it again the same day sends another beacon that does not count again.
// The page's own script runs under the site's CSP (no inline script).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewCounterOf } from '../../src/ranking/view-counter.ts';
import { skipBrowser, startE2E, type E2E } from './harness.ts';

const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe.skipIf(skipBrowser)('view counting in a browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ userAgent: DESKTOP_CHROME, config: { viewFlushSeconds: 600 } });
  });
  afterAll(() => e2e?.close());

  async function views(article: number): Promise<number> {
    const rows = await e2e.db
      .selectFrom('ranking_view_hours')
      .select('views')
      .where('article_id', '=', article)
      .execute();
    return rows.reduce((s, r) => s + Number(r.views), 0);
  }

  it('counts the first reading of the day once, and a second reading not again', async () => {
    const id = e2e.fixture.featuredId;
    const counter = viewCounterOf({ db: e2e.db, log: pino({ level: 'silent' }) });
    for (let round = 0; round < 2; round++) {
      const page = await e2e.context.newPage();
      const beacon = page.waitForRequest((r) => r.url().endsWith('/ranking/views') && r.method() === 'POST');
      await page.goto(`${e2e.baseUrl}/articles/${id}`, { waitUntil: 'load' });
      const sent = await beacon;
      expect(sent.postData()).toBe(`article=${id}`);
      // The beacon is answered (and buffered) by the server before we flush.
      await expect.poll(async () => (await sent.response())?.status()).toBe(204);
      await counter.flush();
      expect(await views(id)).toBe(1);
      const cookies = await e2e.context.cookies();
      expect(cookies.find((c) => c.name === 'sosik_vc')?.value).toBe('1');
      await page.close();
    }
    expect(e2e.pageProblems).toEqual([]);
  });
});
