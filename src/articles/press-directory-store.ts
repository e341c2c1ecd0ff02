// The press directory's one read: every press with what the directory shows of it. The article
// count is the kept column (presses.article_count, moved by ingest), so the page costs one query
// over the presses table whatever the size of the archive.
import type { Db } from '../db/database.ts';
import { isSafeUrl } from './read-store.ts';

export interface PressEntry {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  descriptionEn: string | null;
  logoUrl: string | null;
  articleCount: number;
}

/** A portal carries hundreds of presses, not millions; the directory shows at most this many. */
export const DIRECTORY_LIMIT = 1000;

export async function pressDirectory(db: Db): Promise<PressEntry[]> {
  const rows = await db
    .selectFrom('presses')
    .select(['id', 'slug', 'name', 'name_en', 'description', 'description_en', 'logo_url', 'article_count'])
    .orderBy('name')
    .orderBy('id')
    .limit(DIRECTORY_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    descriptionEn: r.description_en,
    logoUrl: r.logo_url && isSafeUrl(r.logo_url) ? r.logo_url : null,
    articleCount: Number(r.article_count),
  }));
}
