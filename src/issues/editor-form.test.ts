// Editor forms with malformed values (security probe finding 9): a broken %-escape in a pasted
// issue address is the editor's typo and gets a 422 naming the field, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addStaff, form, signIn } from '../../test/helpers/staff.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { parseEditorForm } from './editor-form.ts';
import { issueTagForArticle } from './page-slots.ts';
import { FIXTURE_ARTICLES, storeFixtures } from './test-fixtures.ts';

describe.each(await testDialects())('editor form values (%s)', (dialect) => {
  let t: TestApp;
  let ids: number[];
  let url: string;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
    ids = await storeFixtures(t.deps.db, FIXTURE_ARTICLES, Date.now() - 8 * 3_600_000);
    for (const articleId of ids) await enqueueJob(t.deps.db, 'issues.assign', { articleId });
    await t.runJobs();
    const slug = (await issueTagForArticle(t.deps, ids[0]!))!.slug;
    url = `/issues/${encodeURIComponent(slug)}/edit`;
    await addStaff(t.deps, 'desk@example.test', 'editor');
    cookie = await signIn(t.app, 'desk@example.test');
    const page = await t.app.inject({ url: `/issues/${encodeURIComponent(slug)}`, headers: { cookie } });
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  });
  afterAll(() => t.close());

  const post = (fields: Record<string, string>) => {
    const body = form({ _csrf: csrf, ...fields });
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } });
  };

  it.each([
    [{ action: 'merge', into: '%E0%A4%A' }, 'into'],
    [{ action: 'merge', into: '/issues/%zz' }, 'into'],
    [{ action: 'merge', into: 'https://news.example/issues/%' }, 'into'],
    [{ action: 'move-out', article: '1', to: '%' }, 'to'],
  ] as const)('%j answers 422 naming %s', async (fields, path) => {
    const res = await post({ ...fields, ...(fields.action === 'move-out' ? { article: String(ids[0]) } : {}) });
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toContain('Something went wrong');
    const parsed = parseEditorForm(t.deps, 1, { ...fields, article: String(ids[0]) });
    await expect(parsed).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 422, details: [{ path }] });
  });
});
