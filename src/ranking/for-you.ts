// The "for you" home order for a signed-in reader. Candidates come from bounded, index-backed
// ranges only: the newest of each subscription (subscriptions' own sources), the newest of the
// issues the reader read lately, today's most viewed and the site's newest. Each candidate's
// score is a weighted sum of terms (FOR_YOU.weights), every term kept with its contribution, so the
// explanation is built from the very numbers that placed the article. A press fills at most
// SOSIK_FOR_YOU_PRESS_SHARE_PERCENT of the page; articles already read are left out, and so are
// presses the reader hid.
import { type ArticleCard, articleCardsByIds } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { issueArticleIds, issueRefs } from '../issues/index.ts';
import { reportersByIds } from '../reporters/index.ts';
import { hiddenPressIds, listSubscriptions, subscriptionNewest, subscriptionSources } from '../subscriptions/index.ts';
import { pressName } from '../web/page-context.ts';
import { FOR_YOU } from './parameters.ts';
import { mostViewed } from './rankings.ts';
import { epochHour, seoulDay } from './visitor.ts';

const HOUR = 3_600_000;
/** Newest articles taken from each subscription and issue (the page shows 20 in all). */
const PER_SOURCE = 10;
const READ_ISSUES = 10;

export type TermName = keyof typeof FOR_YOU.weights;

/** One term of an item's score: what it is about (for the words) and what it added. */
export interface ScoreTerm {
  term: TermName;
  /** weight × value */
  contribution: number;
  /** The press, reporter, category or issue named in the explanation (hours for freshness), per language. */
  subject: { ko: string; en: string };
}

export interface ForYouItem {
  card: ArticleCard;
  score: number;
  /** Largest first; zero terms left out. */
  terms: ScoreTerm[];
}

/** What scoring needs of an article (its card is read only if it is shown). */
export interface Candidate {
  id: number;
  pressId: number;
  pressName: { ko: string; en: string };
  firstCreatedAt: number;
}

interface Features {
  categories: Array<{ id: number; name: { ko: string; en: string } }>;
  reporters: Array<{ id: number; name: string }>;
  issue?: { id: number; name: string };
  viewsToday: number;
}

/** Today in Seoul, as the first epoch hour of the day. */
function seoulMidnightHour(now: number): number {
  return epochHour(seoulDay(now) * 86_400_000 - 9 * HOUR);
}

async function candidateIds(deps: AppDeps, readerId: number, now: number) {
  const { db } = deps;
  const subs = await listSubscriptions(db, readerId);
  const recentReads = await db
    .selectFrom('ranking_reads')
    .select('article_id')
    .where('reader_id', '=', readerId)
    .where('read_at', '>=', now - FOR_YOU.historyDays * 24 * HOUR)
    .orderBy('read_at', 'desc')
    .limit(100)
    .execute();
  const readIssueRows = recentReads.length
    ? await db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where(
          'article_id',
          'in',
          recentReads.map((r) => r.article_id),
        )
        .execute()
    : [];
  const readIssues = [...new Set(readIssueRows.map((r) => r.issue_id))].slice(0, READ_ISSUES);
  const sources = await subscriptionSources(deps, subs);
  const [fromSubs, fromIssues, popular, latest] = await Promise.all([
    Promise.all(subs.map((s) => subscriptionNewest(deps, s, sources, PER_SOURCE).catch(() => []))),
    Promise.all(readIssues.map((id) => issueArticleIds(db, id, PER_SOURCE))),
    mostViewed(db, {}, now, { windowHours: 24, maxArticleAgeHours: FOR_YOU.maxArticleAgeHours, limit: 50 }),
    db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'usable')
      .orderBy('first_created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
  ]);
  const ids = new Set<number>([
    ...fromSubs.flat().map((c) => c.id),
    ...fromIssues.flat().map((c) => c.id),
    ...popular.map((p) => p.articleId),
    ...latest.map((r) => r.id),
  ]);
  return { ids: [...ids], subs, readIssues: new Set(readIssues) };
}

async function featuresOf(deps: AppDeps, ids: number[], now: number): Promise<Map<number, Features>> {
  const { db } = deps;
  const out = new Map<number, Features>(ids.map((id) => [id, { categories: [], reporters: [], viewsToday: 0 }]));
  if (!ids.length) return out;
  const [cats, reps, issues, views] = await Promise.all([
    db
      .selectFrom('article_categories as ac')
      .innerJoin('categories as c', 'c.id', 'ac.category_id')
      .select(['ac.article_id', 'c.id', 'c.name_ko', 'c.name_en'])
      .where('ac.article_id', 'in', ids)
      .execute(),
    db.selectFrom('article_reporters').select(['article_id', 'reporter_id']).where('article_id', 'in', ids).execute(),
    db.selectFrom('issue_articles').select(['article_id', 'issue_id']).where('article_id', 'in', ids).execute(),
    db
      .selectFrom('ranking_view_hours')
      .select((eb) => ['article_id', eb.fn.sum<number>('views').as('n')])
      .where('article_id', 'in', ids)
      .where('hour', '>=', seoulMidnightHour(now))
      .groupBy('article_id')
      .execute(),
  ]);
  const reporterNames = new Map(
    (await reportersByIds(db, [...new Set(reps.map((r) => r.reporter_id))])).map((r) => [r.id, r]),
  );
  const issueNames = new Map((await issueRefs(db, [...new Set(issues.map((i) => i.issue_id))])).map((i) => [i.id, i]));
  for (const c of cats)
    out.get(c.article_id)?.categories.push({ id: Number(c.id), name: { ko: c.name_ko, en: c.name_en } });
  for (const r of reps) {
    const rep = reporterNames.get(r.reporter_id);
    if (rep) out.get(r.article_id)?.reporters.push({ id: rep.mergedInto ?? rep.id, name: rep.name });
  }
  for (const i of issues) {
    const ref = issueNames.get(i.issue_id);
    const f = out.get(i.article_id);
    if (ref && f) f.issue = { id: ref.mergedInto ?? ref.id, name: ref.name };
  }
  for (const v of views) {
    const f = out.get(Number(v.article_id));
    if (f) f.viewsToday = Number(v.n);
  }
  return out;
}

/** The score's terms for one article (exported for the explanation test). */
export function scoreTerms(
  card: Candidate,
  f: Features,
  ctx: {
    subscribed: { press: Set<number>; reporter: Set<number>; category: Set<number>; issue: Set<number> };
    readIssues: Set<number>;
    maxViewsInCategory: Map<number, number>;
    now: number;
  },
): ScoreTerm[] {
  const w = FOR_YOU.weights;
  const terms: ScoreTerm[] = [];
  const same = (name: string) => ({ ko: name, en: name });
  const add = (term: TermName, value: number, subject: { ko: string; en: string }) => {
    if (value > 0) terms.push({ term, contribution: w[term] * value, subject });
  };
  if (ctx.subscribed.press.has(card.pressId)) add('subscribedPress', 1, card.pressName);
  const rep = f.reporters.find((r) => ctx.subscribed.reporter.has(r.id));
  if (rep) add('subscribedReporter', 1, same(rep.name));
  const cat = f.categories.find((c) => ctx.subscribed.category.has(c.id));
  if (cat) add('subscribedCategory', 1, cat.name);
  if (f.issue && ctx.subscribed.issue.has(f.issue.id)) add('followedIssue', 1, same(f.issue.name));
  else if (f.issue && ctx.readIssues.has(f.issue.id)) add('readIssue', 1, same(f.issue.name));
  if (f.viewsToday > 0) {
    let best: { value: number; name: { ko: string; en: string } } | undefined;
    for (const c of f.categories) {
      const max = ctx.maxViewsInCategory.get(c.id) ?? 0;
      const value = max > 0 ? f.viewsToday / max : 0;
      if (!best || value > best.value) best = { value, name: c.name };
    }
    if (best) add('popularInCategory', best.value, best.name);
  }
  const ageHours = Math.max(0, (ctx.now - card.firstCreatedAt) / HOUR);
  add('freshness', 0.5 ** (ageHours / FOR_YOU.halfLifeHours), same(String(Math.floor(ageHours))));
  return terms.sort((a, b) => b.contribution - a.contribution || a.term.localeCompare(b.term));
}

/** Keeps the order but lets no press take more than `cap` places. */
export function capPerPress<T extends { candidate: Candidate }>(items: readonly T[], cap: number, size: number): T[] {
  const perPress = new Map<number, number>();
  const out: T[] = [];
  for (const item of items) {
    const n = perPress.get(item.candidate.pressId) ?? 0;
    if (n >= cap) continue;
    perPress.set(item.candidate.pressId, n + 1);
    out.push(item);
    if (out.length === size) break;
  }
  return out;
}

/** Usable candidates with what scoring needs: one primary-key lookup each, no card yet. */
async function candidatesOf(deps: AppDeps, ids: number[], oldest: number): Promise<Candidate[]> {
  const rows = await deps.db
    .selectFrom('articles as a')
    .innerJoin('presses as p', 'p.id', 'a.press_id')
    .select(['a.id', 'a.press_id', 'a.first_created_at', 'p.name', 'p.name_en'])
    .where('a.id', 'in', ids)
    .where('a.status', '=', 'usable')
    .where('a.first_created_at', '>=', oldest)
    .execute();
  return rows.map((r) => {
    const press = { name: r.name, nameEn: r.name_en };
    return {
      id: Number(r.id),
      pressId: Number(r.press_id),
      pressName: { ko: pressName('ko', press), en: pressName('en', press) },
      firstCreatedAt: Number(r.first_created_at),
    };
  });
}

export async function forYou(deps: AppDeps, readerId: number, now = Date.now()): Promise<ForYouItem[]> {
  const { db } = deps;
  const { ids, subs, readIssues } = await candidateIds(deps, readerId, now);
  if (!ids.length) return [];
  const oldest = now - FOR_YOU.maxArticleAgeHours * HOUR;
  const [all, hidden, read] = await Promise.all([
    candidatesOf(deps, ids, oldest),
    hiddenPressIds(db, readerId),
    db
      .selectFrom('ranking_reads')
      .select('article_id')
      .where('reader_id', '=', readerId)
      .where('article_id', 'in', ids)
      .execute(),
  ]);
  const hiddenSet = new Set(hidden);
  const readSet = new Set(FOR_YOU.hideRead ? read.map((r) => r.article_id) : []);
  const shown = all.filter((c) => !hiddenSet.has(c.pressId) && !readSet.has(c.id));
  const features = await featuresOf(
    deps,
    shown.map((c) => c.id),
    now,
  );
  const subscribed = {
    press: new Set<number>(),
    reporter: new Set<number>(),
    category: new Set<number>(),
    issue: new Set<number>(),
  };
  for (const s of subs) if (s.kind !== 'keyword' && s.targetId !== null) subscribed[s.kind].add(s.targetId);
  const maxViewsInCategory = new Map<number, number>();
  for (const c of shown) {
    const f = features.get(c.id)!;
    for (const cat of f.categories)
      maxViewsInCategory.set(cat.id, Math.max(maxViewsInCategory.get(cat.id) ?? 0, f.viewsToday));
  }
  const scored = shown
    .map((candidate) => {
      const terms = scoreTerms(candidate, features.get(candidate.id)!, {
        subscribed,
        readIssues,
        maxViewsInCategory,
        now,
      });
      return { candidate, terms, score: terms.reduce((s, t) => s + t.contribution, 0) };
    })
    .sort(
      (a, b) =>
        b.score - a.score || b.candidate.firstCreatedAt - a.candidate.firstCreatedAt || b.candidate.id - a.candidate.id,
    );
  const size = FOR_YOU.pageSize;
  const cap = Math.max(1, Math.floor((size * deps.config.forYouPressSharePercent) / 100));
  const page = capPerPress(scored, cap, size);
  // Cards only for what is shown.
  const cards = new Map(
    (
      await articleCardsByIds(
        db,
        page.map((p) => p.candidate.id),
      )
    ).map((c) => [c.id, c]),
  );
  return page.flatMap(({ candidate, terms, score }) => {
    const card = cards.get(candidate.id);
    return card ? [{ card, terms, score }] : [];
  });
}
