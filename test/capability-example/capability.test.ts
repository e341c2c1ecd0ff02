// Adding a capability touches its folder and the list in src/app.ts, nothing else: here the list
// is the shipped one plus the example, and the example's route, job, slot and command all work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/app.ts';
import { ingestArticle } from '../../src/articles/index.ts';
import { assembleRegistry } from '../../src/registry.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { exampleCapability, seen } from './capability.ts';

describe.each(await testDialects())('a capability added by its manifest alone (%s)', (dialect) => {
  let t: TestApp;
  let articleId: number;
  const registry = assembleRegistry([...CAPABILITIES, exampleCapability]);

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, registry);
    const press = await t.db.db
      .insertInto('presses')
      .values({ slug: 'example-press', name: '예시일보', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const input = {
      uri: 'urn:example:1',
      headline: '예시 기사',
      bodyHtml: '<p>본문</p>',
      lang: 'ko',
      pubstatus: 'usable' as const,
      bylines: [],
      keywords: [],
      subjects: [],
      photos: [],
    };
    articleId = (await ingestArticle(t.deps, { pressId: press.id, source: 'api', input, original: input })).id;
  });
  afterAll(() => t.close());

  it('its job follows every article change, next to the shipped ones', async () => {
    expect(registry.articleChangedJobs).toEqual([
      'search.index',
      'issues.assign',
      'summary.compute',
      'reporters.link',
      'subscriptions.alert',
      'example.count-words',
    ]);
    const pending = await t.db.db.selectFrom('jobs').select('kind').where('status', '=', 'pending').execute();
    expect(pending.map((j) => j.kind)).toContain('example.count-words');
    await t.runJobs();
    expect(seen.has(articleId)).toBe(true);
  });

  it('its route answers', async () => {
    const res = await t.app.inject('/example/ping');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pong: true });
  });

  it('its slot renders on the article page', async () => {
    const res = await t.app.inject(`/articles/${articleId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      `<section class="example-slot" data-article="${articleId}" lang="ko">example slot</section>`,
    );
  });

  it('its stylesheet is linked from reader pages and served from its own folder', async () => {
    const page = await t.app.inject(`/articles/${articleId}`);
    const href = page.body.match(
      /<link rel="stylesheet" href="(\/static\/example\/example\.css\?v=[0-9a-f]{10})"/,
    )?.[1];
    expect(href).toBeDefined();
    const css = await t.app.inject(href!);
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('.example-slot');
    expect(css.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject('/static/example/nothing.css')).statusCode).toBe(404);
  });

  it('its command joins the CLI', () => {
    expect(registry.commands['example hello']?.summary).toBe('Says hello.');
  });

  it('a second capability claiming the same job kind is refused at start-up', () => {
    expect(() =>
      assembleRegistry([...CAPABILITIES, exampleCapability, { ...exampleCapability, name: 'again' }]),
    ).toThrow(/job kind "example.count-words" is declared twice/);
  });
});
