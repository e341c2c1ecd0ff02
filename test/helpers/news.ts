// Articles for tests of what readers follow: a press and articles through the one ingest path, and
// issues written straight to their tables (the clustering that makes them is not what these test).
import { ingestArticle, type ArticleInput } from '../../src/articles/index.ts';
import type { Db } from '../../src/db/database.ts';
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

/** A visible, uncurated issue led by `leadArticleId`; add its members with addIssueMember. */
export async function addIssueRow(
  db: Db,
  issue: { name: string; leadArticleId: number; slug?: string; members?: number; firstAt?: number },
  now = Date.now(),
): Promise<number> {
  counter += 1;
  const members = issue.members ?? 1;
  const row = await db
    .insertInto('issues')
    .values({
      slug: issue.slug ?? `${counter}-issue`,
      auto_name: issue.name,
      editor_name: null,
      lead_article_id: issue.leadArticleId,
      pinned_article_id: null,
      merged_into: null,
      category_id: null,
      visible: 1,
      hidden: 0,
      curated: 0,
      article_count: members,
      press_count: members,
      first_at: issue.firstAt ?? now,
      last_at: now,
      created_at: now,
      updated_at: now,
      centroid: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addIssueMember(
  db: Db,
  member: { issueId: number; articleId: number; pressId: number; publishedAt: number },
  now = Date.now(),
): Promise<void> {
  await db
    .insertInto('issue_articles')
    .values({
      article_id: member.articleId,
      issue_id: member.issueId,
      press_id: member.pressId,
      published_at: member.publishedAt,
      revision: 1,
      similarity: 1,
      vector: '{}',
      assigned_at: now,
      locked: 0,
    })
    .execute();
}
