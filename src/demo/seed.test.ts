import { REGISTRY } from '../app.ts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { seedDemo, seedDemoIfEmpty } from './seed.ts';

describe('demo content', () => {
  let t: TestDb;
  let deps: AppDeps;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    deps = {
      db: t.db,
      dialect: 'sqlite',
      config: loadConfig({}, { logLevel: 'silent' }),
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    };
    expect(await seedDemoIfEmpty(deps)).toBe(true);
  });
  afterAll(() => t.dispose());

  it('fills an empty database through the ingest path: presses, 60+ articles, every category, photos', async () => {
    const n = async (table: 'presses' | 'articles' | 'article_photos') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('presses')).toBeGreaterThanOrEqual(5);
    expect(await n('articles')).toBeGreaterThanOrEqual(60);
    expect(await n('article_photos')).toBeGreaterThan(20);
    const perCategory = await t.db
      .selectFrom('categories')
      .leftJoin('article_categories', 'article_categories.category_id', 'categories.id')
      .select(['categories.slug', (eb) => eb.fn.count('article_categories.article_id').as('n')])
      .groupBy('categories.slug')
      .execute();
    expect(perCategory).toHaveLength(8);
    for (const c of perCategory) expect(Number(c.n), c.slug).toBeGreaterThanOrEqual(5);
    const multi = await t.db
      .selectFrom('article_categories')
      .select('article_id')
      .groupBy('article_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(multi.length).toBeGreaterThan(5);
    const english = await t.db.selectFrom('articles').select('id').where('lang', 'like', 'en%').execute();
    expect(english.length).toBeGreaterThanOrEqual(3);
    const updated = await t.db.selectFrom('articles').select('id').where('revision', '>', 1).execute();
    expect(updated.length).toBeGreaterThanOrEqual(3);
  });

  it('does not seed twice', async () => {
    expect(await seedDemoIfEmpty(deps)).toBe(false);
    await expect(seedDemo(deps)).rejects.toThrow(/already exists/);
  });
});
