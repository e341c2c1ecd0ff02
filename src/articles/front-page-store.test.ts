import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { insertFixture, type Fixture } from '../../test/e2e/fixtures.ts';
import { frontPage } from './front-page-store.ts';
import { articleDetail } from './article-detail-store.ts';
import { categoryArticles, findCategory } from './read-store.ts';

describe.each(await testDialects())('front page and read store on %s', (dialect) => {
  let tdb: TestDb;
  let fx: Fixture;
  beforeAll(async () => {
    tdb = await createTestDb(dialect);
    fx = await insertFixture(tdb.db);
  });
  afterAll(async () => tdb?.dispose());

  it('ranks latest, per-category and per-press boxes newest first, without withdrawn articles', async () => {
    const data = await frontPage(tdb.db, { latest: 5, perCategory: 3, perPress: 4 });
    expect(data.latest.map((a) => a.id)).toEqual(fx.usableIds.slice(0, 5));
    expect(data.byPress.get(fx.presses.harbor)!.map((a) => a.id)).toEqual([fx.newerId, fx.featuredId, fx.olderId]);
    expect(data.byPress.get(fx.presses.valley)).toHaveLength(4);
    const economy = await findCategory(tdb.db, 'economy');
    const all = await categoryArticles(tdb.db, economy!.id, { limit: 3 });
    expect(data.byCategory.get(economy!.id)!.map((a) => a.id)).toEqual(all.items.map((a) => a.id));
    const featured = data.latest.find((a) => a.id === fx.featuredId)!;
    expect(featured.photoUrl).toBe('/static/demo/photos/tidal-plant.svg');
    expect(featured.press.slug).toBe('harbor-daily');
  });

  it('loads an article with photos in order, categories and its press neighbours', async () => {
    const a = (await articleDetail(tdb.db, fx.featuredId))!;
    expect(a.photos.map((p) => p.url)).toEqual([
      '/static/demo/photos/tidal-plant.svg',
      '/static/demo/photos/tidal-turbine.svg',
    ]);
    expect(a.categories.map((c) => c.slug)).toEqual(['economy', 'it-science']);
    expect(a.previous?.id).toBe(fx.olderId);
    expect(a.next?.id).toBe(fx.newerId);
    // The press's only newer article after that was withdrawn: no "next" link to a 410.
    expect((await articleDetail(tdb.db, fx.newerId))!.next).toBeNull();
    expect(a.bylines[0]).toEqual({ name: '한바다 기자', email: 'hanbada@harbor.example' });
    expect(await articleDetail(tdb.db, 987654)).toBeUndefined();
  });

  it('never hands a non-http(s) photo URL to the views', async () => {
    await tdb.db
      .insertInto('article_photos')
      .values({
        article_id: fx.olderId,
        position: 0,
        url: 'javascript:alert(1)',
        width: null,
        height: null,
        caption: 'x',
        credit: null,
        alt: null,
      })
      .execute();
    expect((await articleDetail(tdb.db, fx.olderId))!.photos).toEqual([]);
    const data = await frontPage(tdb.db, { latest: 50, perCategory: 1, perPress: 1 });
    expect(data.latest.find((a) => a.id === fx.olderId)!.photoUrl).toBeNull();
  });
});
