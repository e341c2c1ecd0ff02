// An article's current version as its press delivered it (the normalised input of the latest
// revision), with the categories it is filed in: what the press API gives back.
import type { Db } from '../db/database.ts';
import type { ArticleStatus } from '../db/schema.ts';
import type { ArticleInput, PubStatus } from './model.ts';

export interface CurrentVersion {
  id: number;
  pressId: number;
  uri: string;
  status: ArticleStatus;
  revision: number;
  firstCreatedAt: number;
  updatedAt: number;
  input: ArticleInput;
  pubstatus: PubStatus;
  categories: Array<{ slug: string; name: string }>;
}

export async function currentVersion(db: Db, id: number): Promise<CurrentVersion | undefined> {
  const article = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!article) return undefined;
  const [latest, categories] = await Promise.all([
    db
      .selectFrom('article_revisions')
      .select(['normalized', 'pubstatus'])
      .where('article_id', '=', id)
      .orderBy('revision', 'desc')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('article_categories')
      .innerJoin('categories', 'categories.id', 'article_categories.category_id')
      .select(['categories.slug', 'categories.name_en as name'])
      .where('article_categories.article_id', '=', id)
      .orderBy('categories.position')
      .execute(),
  ]);
  return {
    id,
    pressId: article.press_id,
    uri: article.uri,
    status: article.status,
    revision: article.revision,
    firstCreatedAt: Number(article.first_created_at),
    updatedAt: Number(article.updated_at),
    // Written by ingest from a validated ArticleInput; nothing else writes this column.
    input: JSON.parse(latest.normalized) as ArticleInput,
    pubstatus: latest.pubstatus as PubStatus,
    categories,
  };
}
