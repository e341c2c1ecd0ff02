// The front page's boxes are read once per change, not once per render (src/web/kept-until-change.ts),
// on SQLite and PostgreSQL: an article accepted or withdrawn in this process shows on the next
// render; one accepted by another process shows once its announcement arrives, and not before
// (which is what proves the boxes were kept rather than read again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addArticle, addPress } from '../../test/helpers/news.ts';

describe.each(await testDialects())('front page boxes kept until a change on %s', (dialect) => {
  let t: TestApp;
  let pressId: number;
  const home = async () => (await t.app.inject('/')).body;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    pressId = await addPress(t.deps, 'haeon-ilbo', '해온일보');
  });
  afterAll(async () => t?.close());

  it('keeps the boxes while no change is heard, and reads again when another process announces one', async () => {
    // Another process: same database, no way to reach this process's bus. (Nothing is announced
    // here before this test, so no reload of the site frame is under way to drop the boxes again.)
    const elsewhere = { ...t.deps, changes: undefined };
    await addArticle(elsewhere, pressId, { headline: '먼저 받은 기사' });
    expect(await home()).toContain('먼저 받은 기사');
    await addArticle(elsewhere, pressId, { headline: '다른 서버가 받은 기사' });
    expect(await home()).not.toContain('다른 서버가 받은 기사');
    // What the PostgreSQL/Redis transport does with that process's announcement.
    t.deps.changes!.deliver(['front']);
    expect(await home()).toContain('다른 서버가 받은 기사');
  });

  it('shows an article accepted here on the very next render', async () => {
    await addArticle(t.deps, pressId, { headline: '해온만 방조제 첫 개방' });
    expect(await home()).toContain('해온만 방조제 첫 개방');
    await addArticle(t.deps, pressId, { headline: '가람시 버스 노선 개편' });
    expect(await home()).toContain('가람시 버스 노선 개편');
  });

  it('drops a withdrawn article from the boxes at once', async () => {
    const id = await addArticle(t.deps, pressId, { headline: '철회될 기사' });
    expect(await home()).toContain('철회될 기사');
    const { uri } = await t.deps.db.selectFrom('articles').select('uri').where('id', '=', id).executeTakeFirstOrThrow();
    await addArticle(t.deps, pressId, {
      uri,
      headline: '철회될 기사',
      pubstatus: 'canceled',
      versionCreated: Date.now() + 1000,
    });
    expect(await home()).not.toContain('철회될 기사');
  });
});
