// My news: the newest articles from everything a reader follows, as one keyset-paged list. Each
// subscription contributes at most one page of candidates (newestFor), so a page costs one small
// indexed query per subscription (at most MAX_SUBSCRIPTIONS) and a merge, however big the archive.
import { type ArticleCard, articleCardsByIds } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { type Candidate, type Cursor, newestFor, sourcesOf } from './sources.ts';
import { hiddenPressIds, listSubscriptions, type Subscription } from './store.ts';

export interface MyNewsItem {
  card: ArticleCard;
  /** The subscriptions that brought it (the page names them: "구독한 기자"). */
  via: Subscription[];
}

export interface MyNewsPage {
  items: MyNewsItem[];
  older?: string;
  subscriptions: Subscription[];
}

export function parseMyCursor(raw: unknown): Cursor | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw);
  return m ? { ms: Number(m[1]), id: Number(m[2]) } : undefined;
}

/** `delivery`: only subscriptions delivered that way (a digest lists its own). */
export async function myNews(
  deps: AppDeps,
  readerId: number,
  limit: number,
  before?: Cursor,
  delivery?: Subscription['delivery'],
): Promise<MyNewsPage> {
  const [subscriptions, hidden] = await Promise.all([
    listSubscriptions(deps.db, readerId),
    hiddenPressIds(deps.db, readerId),
  ]);
  const hiddenSet = new Set(hidden);
  const active = subscriptions.filter(
    (s) => !(s.kind === 'press' && hiddenSet.has(s.targetId!)) && (!delivery || s.delivery === delivery),
  );
  const sources = await sourcesOf(deps, active);
  const perSource = await Promise.all(
    active.map(async (s) => ({ s, items: await newestFor(deps, s, sources, limit + 1, before) })),
  );
  const merged = new Map<number, { c: Candidate; via: Subscription[] }>();
  for (const { s, items } of perSource) {
    for (const c of items) {
      const seen = merged.get(c.id);
      if (seen) seen.via.push(s);
      else merged.set(c.id, { c, via: [s] });
    }
  }
  const ordered = [...merged.values()].sort((x, y) => y.c.at - x.c.at || y.c.id - x.c.id);
  const page = ordered.slice(0, limit);
  const cards = await articleCardsByIds(
    deps.db,
    page.map((p) => p.c.id),
  );
  const cardById = new Map(cards.map((c) => [c.id, c]));
  // A hidden press stays out even when a reporter or an issue brought its article.
  const items = page.flatMap((p) => {
    const card = cardById.get(p.c.id);
    return card && !hiddenSet.has(card.press.id) ? [{ card, via: p.via }] : [];
  });
  const last = page[page.length - 1];
  return { items, subscriptions, older: ordered.length > limit && last ? `${last.c.at}.${last.c.id}` : undefined };
}

/**
 * How many articles My news has that are newer than `since` (epoch ms), up to `cap`: the live
 * notice's count. The same sources and hidden presses as the page, without building cards; the
 * subscriptions come back so the caller knows what the reader follows now.
 */
export async function countNewSince(
  deps: AppDeps,
  readerId: number,
  since: number,
  cap: number,
): Promise<{ count: number; subscriptions: Subscription[] }> {
  const [subscriptions, hidden] = await Promise.all([
    listSubscriptions(deps.db, readerId),
    hiddenPressIds(deps.db, readerId),
  ]);
  const hiddenSet = new Set(hidden);
  const active = subscriptions.filter((s) => !(s.kind === 'press' && hiddenSet.has(s.targetId!)));
  const sources = await sourcesOf(deps, active);
  const perSource = await Promise.all(active.map((s) => newestFor(deps, s, sources, cap)));
  const ids = new Set<number>();
  for (const items of perSource) for (const c of items) if (c.at > since) ids.add(c.id);
  if (ids.size && hiddenSet.size) {
    // A hidden press stays out even when a reporter or an issue brought its article.
    // By primary key, press checked here (a press condition could walk that press's archive).
    const rows = await deps.db
      .selectFrom('articles')
      .select(['id', 'press_id'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) if (hiddenSet.has(r.press_id)) ids.delete(r.id);
  }
  return { count: Math.min(ids.size, cap), subscriptions };
}
