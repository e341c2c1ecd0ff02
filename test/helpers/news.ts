// Articles for tests of what readers follow: a press and articles through the one ingest path.
import { ingestArticle, type ArticleInput } from '../../src/articles/index.ts';
import type { AppDeps } from '../../src/deps.ts';

export async function addPress(deps: AppDeps, slug: string, name = slug, now = Date.now()): Promise<number> {
  const row = await deps.db
    .insertInto('presses')
    .values({ slug, name, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;

export async function addArticle(
  deps: AppDeps,
  pressId: number,
  overrides: Partial<ArticleInput> = {},
  now = Date.now(),
): Promise<number> {
  counter += 1;
  const input: ArticleInput = {
    uri: `urn:test:${pressId}:${counter}:${now}`,
    headline: `가람시 소식 ${counter}`,
    bodyHtml: `<p>가람시는 오늘 ${counter}번째 소식을 전했다.</p>`,
    lang: 'ko',
    bylines: [],
    subjects: [{ code: 'society' }],
    keywords: [],
    photos: [],
    firstCreated: now,
    versionCreated: now,
    pubstatus: 'usable',
    ...overrides,
  };
  const result = await ingestArticle(deps, { pressId, source: 'api', input, original: input, now });
  return result.id;
}
