// The article page's data: the article, its press, photos, categories and the press's
// previous/next article. Five small indexed queries, four of them in parallel.
import type { Db } from '../db/database.ts';
import { readBylines, readKeywords } from './columns.ts';
import { isSafeUrl, type ArticleDetail } from './read-store.ts';

/** Everything the article page shows, withdrawn articles included (their page says so). */
export async function articleDetail(db: Db, id: number): Promise<ArticleDetail | undefined> {
  const a = await db
    .selectFrom('articles as a')
    .innerJoin('presses as p', 'p.id', 'a.press_id')
    .where('a.id', '=', id)
    .select([
      'a.id',
      'a.headline',
      'a.subheadline',
      'a.series',
      'a.body_html',
      'a.summary',
      'a.lang',
      'a.bylines',
      'a.keywords',
      'a.copyright',
      'a.status',
      'a.revision',
      'a.first_created_at',
      'a.updated_at',
      'a.withdrawn_at',
      'p.id as press_id',
      'p.slug as press_slug',
      'p.name as press_name',
      'p.name_en as press_name_en',
      'p.homepage as press_homepage',
      'p.description as press_description',
      'p.description_en as press_description_en',
      'p.copyright as press_copyright',
    ])
    .executeTakeFirst();
  if (!a) return undefined;
  const position = [Number(a.first_created_at), Number(a.id)] as const;
  const samePress = () =>
    db
      .selectFrom('articles as n')
      .select(['n.id', 'n.headline', 'n.lang'])
      .where('n.press_id', '=', a.press_id)
      .where('n.status', '=', 'usable');
  const [photos, categories, previous, next] = await Promise.all([
    db
      .selectFrom('article_photos')
      .select(['url', 'width', 'height', 'caption', 'credit', 'alt'])
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_categories as ac')
      .innerJoin('categories as c', 'c.id', 'ac.category_id')
      .select(['c.id', 'c.slug', 'c.name_ko', 'c.name_en'])
      .where('ac.article_id', '=', id)
      .orderBy('c.position')
      .execute(),
    samePress()
      .where((eb) => eb(eb.refTuple('n.first_created_at', 'n.id'), '<', eb.tuple(...position)))
      .orderBy('n.first_created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    samePress()
      .where((eb) => eb(eb.refTuple('n.first_created_at', 'n.id'), '>', eb.tuple(...position)))
      .orderBy('n.first_created_at', 'asc')
      .orderBy('n.id', 'asc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    id: Number(a.id),
    headline: a.headline,
    subheadline: a.subheadline,
    series: a.series,
    bodyHtml: a.body_html,
    summary: a.summary,
    lang: a.lang,
    bylines: readBylines(a.bylines),
    keywords: readKeywords(a.keywords),
    copyright: a.copyright,
    status: a.status,
    revision: Number(a.revision),
    firstCreatedAt: Number(a.first_created_at),
    updatedAt: Number(a.updated_at),
    withdrawnAt: a.withdrawn_at === null ? null : Number(a.withdrawn_at),
    press: {
      id: Number(a.press_id),
      slug: a.press_slug,
      name: a.press_name,
      nameEn: a.press_name_en,
      homepage: a.press_homepage,
      description: a.press_description,
      descriptionEn: a.press_description_en,
      copyright: a.press_copyright,
    },
    photos: photos
      .filter((p) => isSafeUrl(p.url))
      .map((p) => ({
        url: p.url,
        width: p.width === null ? null : Number(p.width),
        height: p.height === null ? null : Number(p.height),
        caption: p.caption,
        credit: p.credit,
        alt: p.alt,
      })),
    categories: categories.map((c) => ({ id: Number(c.id), slug: c.slug, nameKo: c.name_ko, nameEn: c.name_en })),
    previous: previous ? { id: Number(previous.id), headline: previous.headline, lang: previous.lang } : null,
    next: next ? { id: Number(next.id), headline: next.headline, lang: next.lang } : null,
  };
}
