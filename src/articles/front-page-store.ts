// The front page's article boxes (latest, each category's newest, each press's newest) in one
// query: window functions rank the newest articles per box, the cards of those that made it are
// joined on. One round trip matters: requests queue for SQLite's single connection.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { cardsQuery, toCard, type ArticleCard, type CardRow } from './read-store.ts';

// Only the newest articles are ranked, so the cost stays flat as the archive grows (a section
// with nothing among them has nothing fresh for the front page anyway).
const RANKING_WINDOW = 1000;

export interface FrontPageSizes {
  latest: number;
  perCategory: number;
  perPress: number;
}

export interface FrontPageData {
  latest: ArticleCard[];
  byCategory: Map<number, ArticleCard[]>;
  byPress: Map<number, ArticleCard[]>;
}

type Kind = 'latest' | 'category' | 'press';

export async function frontPage(db: Db, sizes: FrontPageSizes): Promise<FrontPageData> {
  const recent = db
    .selectFrom('articles as w')
    .select('w.id')
    .where('w.status', '=', 'usable')
    .orderBy('w.first_created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(RANKING_WINDOW);
  const byCategory = db
    .selectFrom('article_categories as ac')
    .innerJoin('articles as ra', 'ra.id', 'ac.article_id')
    .where('ra.id', 'in', recent)
    .select([
      sql<Kind>`'category'`.as('kind'),
      'ac.category_id as group_id',
      'ac.article_id',
      sql<number>`row_number() over (partition by ac.category_id order by ra.first_created_at desc, ra.id desc)`.as(
        'rn',
      ),
    ]);
  const byPress = db
    .selectFrom('articles as ra')
    .where('ra.id', 'in', recent)
    .select([
      sql<Kind>`'press'`.as('kind'),
      'ra.press_id as group_id',
      'ra.id as article_id',
      sql<number>`row_number() over (partition by ra.press_id order by ra.first_created_at desc, ra.id desc)`.as('rn'),
    ]);
  const latest = db
    .selectFrom('articles as ra')
    .where('ra.id', 'in', recent)
    .select([
      sql<Kind>`'latest'`.as('kind'),
      sql<number>`0`.as('group_id'),
      'ra.id as article_id',
      sql<number>`row_number() over (order by ra.first_created_at desc, ra.id desc)`.as('rn'),
    ]);
  const rows = (await cardsQuery(db)
    .innerJoin(byCategory.unionAll(byPress).unionAll(latest).as('r'), 'r.article_id', 'a.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('r.kind', '=', 'latest'), eb('r.rn', '<=', sizes.latest)]),
        eb.and([eb('r.kind', '=', 'category'), eb('r.rn', '<=', sizes.perCategory)]),
        eb.and([eb('r.kind', '=', 'press'), eb('r.rn', '<=', sizes.perPress)]),
      ]),
    )
    .select(['r.kind', 'r.group_id', 'r.rn'])
    .execute()) as Array<CardRow & { kind: Kind; group_id: number; rn: number }>;

  const out: FrontPageData = { latest: [], byCategory: new Map(), byPress: new Map() };
  // One card object per article, shared by every box it appears in.
  const cards = new Map<number, ArticleCard>();
  for (const r of rows.sort((x, y) => Number(x.rn) - Number(y.rn))) {
    let card = cards.get(Number(r.id));
    if (!card) cards.set(Number(r.id), (card = toCard(r)));
    if (r.kind === 'latest') {
      out.latest.push(card);
      continue;
    }
    const groups = r.kind === 'category' ? out.byCategory : out.byPress;
    const id = Number(r.group_id);
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(card);
  }
  return out;
}
