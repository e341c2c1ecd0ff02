// Markup posted as a comment or chosen as a nickname comes back escaped everywhere it is shown
// (thread, article page, permalink, commenter page). Markup in nicknames is refused at sign-up by
// the readers capability. No element, attribute handler or javascript: link is ever produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import { commentsTestApp, csrfFor, makeArticle, postJson, verifiedReader } from './support.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  'https://example.org/"onmouseover="alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '</textarea><iframe src=//evil.example>',
];

describe.each(await testDialects())('comment XSS payloads (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await commentsTestApp(dialect, {
      commentsPerArticle: 50,
      commentsPerDay: 500,
      commentLinkMinAgeDays: 0,
      commentFloodArticles: 1000,
    });
  });
  afterAll(() => t.close());

  it('never produce markup', async () => {
    const r = await verifiedReader(t, '엑스에스에스', '10.67.0.1');
    const a = (await makeArticle(t)).id;
    const csrf = await csrfFor(r, a);
    const ids: number[] = [];
    for (const p of PAYLOADS) {
      const res = await postJson(t, r, csrf, a, p);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const pages = [
      (await t.app.inject(`/articles/${a}`)).body,
      (await t.app.inject(`/articles/${a}/comments?sort=newest`)).body,
      (await t.app.inject(`/comments/${ids[1]}`)).body,
      (await t.app.inject(`/readers/${encodeURIComponent('엑스에스에스')}`)).body,
    ];
    for (const html of pages) {
      // Payload text may appear escaped (&lt;img …); never as a tag or an attribute of one.
      expect(html).not.toMatch(/<script>alert|<img src=x|<svg onload|<iframe src=\/\/evil/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toMatch(/<[a-z][^<>]*\s(onmouseover|onclick|onerror|onload)=/i);
    }
    expect(pages[1]).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
