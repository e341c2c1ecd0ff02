// What the search page and API call: analyse the query, pick the match mode, rank, page,
// and dress the hits with highlighted snippets, facets and suggestions.
import { articleTeasers, listCategories } from '../articles/index.ts';
import { pressIdsBySlugs, pressSummariesByIds } from '../press/index.ts';
import { analyzeQuery, compoundAlternatives, stripParticle, type AnalyzedQuery } from '../text/index.ts';
import { searchIndexFor, type IndexDeps } from './indexing.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_QUERY_CHARS,
  type FacetItem,
  type SearchRequest,
  type SearchResponse,
  type SearchResultItem,
} from './model.ts';
import { rankByRelevance, type ScoredHit } from './scoring.ts';
import type { FacetCount, IndexQuery, SearchFilters, SearchIndex } from './search-index.ts';
import { highlight, snippet } from './snippet.ts';

/** Queries of up to this many words first require all of them; longer ones are questions, ranked OR. */
const ALL_WORDS_MAX = 3;
const MAX_WORDS = 32;
/** Hits beyond the page fetched so the recency boost can reorder across the page boundary. */
const RERANK_MARGIN = 50;
const COUNT_CAP = 10_000;
const FACET_CAP = 10_000;
const KST = '+09:00';

interface RankedPage {
  response: SearchResponse;
  /** The page's hits, ranked, not yet dressed (empty when nothing matched). */
  hits: ScoredHit[];
  analysis: AnalyzedQuery;
  index: SearchIndex;
  iq: IndexQuery;
}

/** Analyse, match and rank: everything a search does before it dresses the hits for a page. */
async function rankedPage(deps: IndexDeps, req: SearchRequest): Promise<RankedPage | SearchResponse> {
  const now = req.now ?? Date.now();
  const query = req.q.slice(0, MAX_QUERY_CHARS).trim();
  const page = clamp(req.page ?? 1, 1, MAX_PAGE);
  const pageSize = clamp(req.pageSize ?? DEFAULT_PAGE_SIZE, 1, 50);
  const sort = req.sort ?? 'relevance';
  const analysis = analyzeQuery(query);
  const base: SearchResponse = {
    query,
    mode: 'none',
    loosened: false,
    total: 0,
    totalIsLowerBound: false,
    page,
    pageSize,
    sort,
    results: [],
    suggestions: { looserQueries: [], issues: [] },
  };
  const words = analysis.words.slice(0, MAX_WORDS).map((w) => w.terms);
  // A long compound written as one word also matches where it is written as two.
  const alternatives = analysis.words.slice(0, MAX_WORDS).map((w) => compoundAlternatives(stripParticle(w.surface)));
  if (!analysis.choseongTerms.length && !words.length) return base;

  const index = searchIndexFor(deps.db, deps.dialect);
  const filters = await resolveFilters(deps, req);
  if (!filters)
    return {
      ...base,
      mode: analysis.choseongTerms.length ? 'choseong' : words.length <= ALL_WORDS_MAX ? 'all' : 'any',
    };
  const wanted = page * pageSize;
  const limit = sort === 'relevance' ? wanted + RERANK_MARGIN : wanted;
  const iq: IndexQuery = analysis.choseongTerms.length
    ? { words: [], mode: 'all', choseong: analysis.choseongTerms, filters, sort: 'newest', limit }
    : { words, alternatives, mode: words.length <= ALL_WORDS_MAX ? 'all' : 'any', filters, sort, limit };

  let [total, matched] = await countAndMatch(index, iq, deps.dialect === 'postgres');
  let loosened = false;
  if (total === 0 && iq.mode === 'all' && !iq.choseong && words.length > 1) {
    iq.mode = 'any';
    loosened = true;
    [total, matched] = await countAndMatch(index, iq, deps.dialect === 'postgres');
  }
  const response: SearchResponse = {
    ...base,
    mode: iq.choseong ? 'choseong' : iq.mode,
    loosened,
    total,
    totalIsLowerBound: total >= COUNT_CAP,
  };
  let hits: ScoredHit[] = [];
  if (total > 0) {
    hits = iq.sort === 'relevance' ? rankByRelevance(matched, now) : matched;
    hits = hits.slice((page - 1) * pageSize, wanted);
  }
  return { response, hits, analysis, index, iq };
}

/**
 * The count and the top hits. PostgreSQL reads them at once on two pool connections; SQLite has
 * one connection, so there the match waits for the count and is skipped when nothing matched.
 */
async function countAndMatch(index: SearchIndex, iq: IndexQuery, concurrent: boolean): Promise<[number, ScoredHit[]]> {
  const query = { ...iq };
  if (!concurrent) {
    const total = await index.count(query, COUNT_CAP);
    return [total, total > 0 ? await index.match(query) : []];
  }
  const [total, hits] = await Promise.all([index.count(query, COUNT_CAP), index.match(query)]);
  // A document indexed between the two reads must not show under a total of 0.
  return [total, total > 0 ? hits : []];
}

export async function searchArticles(deps: IndexDeps, req: SearchRequest): Promise<SearchResponse> {
  const ranked = await rankedPage(deps, req);
  if (!('hits' in ranked)) return ranked;
  const { response, hits, analysis, index, iq } = ranked;
  if (response.total > 0) {
    response.results = await dressHits(deps, hits, analysis);
    if (req.facets) response.facets = await facetItems(deps, index, iq);
  } else {
    response.suggestions.looserQueries = await looserQueries(index, analysis, iq);
    response.suggestions.issues = await relatedIssues(deps, analysis);
  }
  return response;
}

/**
 * The ids a search would show, best first, without what only a results page needs (snippets,
 * highlights, facets, suggestions): for lists that show the articles their own way (related
 * articles). Withdrawn articles may be among them until the index catches up; callers load cards,
 * which are usable articles only.
 */
export async function searchArticleIds(deps: IndexDeps, req: SearchRequest): Promise<number[]> {
  const ranked = await rankedPage(deps, req);
  return 'hits' in ranked ? ranked.hits.map((h) => h.articleId) : [];
}

/** Filter slugs and dates → ids and times; undefined when a filter can match nothing (unknown slug). */
async function resolveFilters(deps: IndexDeps, req: SearchRequest): Promise<SearchFilters | undefined> {
  const filters: SearchFilters = {};
  if (req.pressSlugs?.length) {
    const ids = await pressIdsBySlugs(deps.db, req.pressSlugs);
    if (!ids.length) return undefined;
    filters.pressIds = ids;
  }
  if (req.categorySlugs?.length) {
    const wanted = new Set(req.categorySlugs);
    const ids = (await listCategories(deps.db)).filter((c) => wanted.has(c.slug)).map((c) => c.id);
    if (!ids.length) return undefined;
    filters.categoryIds = ids;
  }
  if (req.issueId !== undefined) filters.issueId = req.issueId;
  const from = req.from ? Date.parse(`${req.from}T00:00:00${KST}`) : NaN;
  const to = req.to ? Date.parse(`${req.to}T23:59:59.999${KST}`) : NaN;
  if (Number.isFinite(from)) filters.from = from;
  if (Number.isFinite(to)) filters.to = to;
  return filters;
}

async function dressHits(deps: IndexDeps, hits: ScoredHit[], analysis: AnalyzedQuery): Promise<SearchResultItem[]> {
  if (!hits.length) return [];
  const rows = await articleTeasers(
    deps.db,
    hits.map((h) => h.articleId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const terms = new Set(analysis.terms);
  const out: SearchResultItem[] = [];
  for (const h of hits) {
    const r = byId.get(h.articleId);
    if (!r) continue; // deleted between match and load
    out.push({
      id: r.id,
      headline: r.headline,
      headlineHtml: highlight(r.headline, terms),
      snippetHtml: snippet(r.bodyText || r.summary, terms),
      press: r.press,
      publishedAt: r.firstCreatedAt,
      url: `/articles/${r.id}`,
      score: Math.round(h.score * 1000) / 1000,
      photoUrl: r.photoUrl,
    });
  }
  return out;
}

async function facetItems(deps: IndexDeps, index: SearchIndex, iq: IndexQuery): Promise<SearchResponse['facets']> {
  const { press, category } = await index.facets(iq, FACET_CAP);
  const labelled = (
    counts: FacetCount[],
    rows: ReadonlyArray<{ id: number; slug: string; name: string; nameEn: string | null }>,
  ) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return counts.flatMap((c): FacetItem[] => {
      const r = byId.get(c.id);
      return r ? [{ slug: r.slug, name: r.name, nameEn: r.nameEn, count: Number(c.count) }] : [];
    });
  };
  const [presses, categories] = await Promise.all([
    pressSummariesByIds(
      deps.db,
      press.map((c) => c.id),
    ),
    category.length ? listCategories(deps.db) : Promise.resolve([]),
  ]);
  return {
    press: labelled(press, presses),
    category: labelled(
      category,
      categories.map((c) => ({ id: c.id, slug: c.slug, name: c.nameKo, nameEn: c.nameEn })),
    ),
  };
}

/** Shorter queries that do find something: each word alone, most specific first. */
async function looserQueries(index: SearchIndex, analysis: AnalyzedQuery, iq: IndexQuery): Promise<string[]> {
  if (analysis.words.length < 2) return [];
  const out: string[] = [];
  for (const [i, w] of analysis.words.slice(0, 5).entries()) {
    const alternatives = [iq.alternatives?.[i]];
    const n = await index.count(
      { ...iq, words: [w.terms], alternatives, mode: 'all', filters: iq.filters, choseong: undefined },
      1,
    );
    if (n > 0) out.push(w.surface);
    if (out.length >= 3) break;
  }
  return out;
}

/** Visible issues whose name contains one of the query's words (the issues capability's table). */
async function relatedIssues(
  deps: IndexDeps,
  analysis: AnalyzedQuery,
): Promise<SearchResponse['suggestions']['issues']> {
  const words = analysis.words
    .map((w) => stripForLike(w.surface))
    .filter((w) => [...w].length >= 2)
    .slice(0, 5);
  if (!words.length) return [];
  const rows = await deps.db
    .selectFrom('issues')
    .select(['id', 'slug', 'auto_name', 'editor_name'])
    .where('visible', '=', 1)
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or(words.flatMap((w) => [eb('auto_name', 'like', `%${w}%`), eb('editor_name', 'like', `%${w}%`)])),
    )
    .orderBy('last_at', 'desc')
    .limit(3)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.editor_name ?? r.auto_name,
    url: `/issues/${encodeURIComponent(r.slug)}`,
  }));
}

/** The word's stem without LIKE wildcards (stems are letters and digits, but be sure). */
function stripForLike(surface: string): string {
  return stripParticle(surface).replace(/[%_\\]/g, '');
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? Math.trunc(n) : lo));
}
