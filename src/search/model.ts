// What a search asks for and what it answers, plus the lenient parsing of URL parameters:
// a search box must answer anything typed into it, so bad values fall back to defaults.
import { z } from 'zod';

export const MAX_QUERY_CHARS = 200;
export const MAX_PAGE = 50;
export const DEFAULT_PAGE_SIZE = 10;

export interface SearchRequest {
  q: string;
  pressSlugs?: string[];
  categorySlugs?: string[];
  issueId?: number;
  /** Inclusive dates, YYYY-MM-DD in Korea time. */
  from?: string;
  to?: string;
  sort?: 'relevance' | 'newest';
  page?: number;
  pageSize?: number;
  facets?: boolean;
  /** Clock for the recency boost (tests pin it). */
  now?: number;
}

export interface SearchResultItem {
  id: number;
  headline: string;
  /** Escaped headline with matches in <mark>. */
  headlineHtml: string;
  /** Escaped passage with matches in <mark>. */
  snippetHtml: string;
  press: { slug: string; name: string; nameEn: string | null };
  publishedAt: number;
  url: string;
  score: number;
  /** The article's first photo (http(s) or site-relative), for a thumbnail; null without one. */
  photoUrl: string | null;
}

export interface FacetItem {
  slug: string;
  name: string;
  nameEn: string | null;
  count: number;
}

export interface SearchResponse {
  query: string;
  /** all: every word matched; any: looser OR match; choseong: initial-consonant headline match; none: nothing to search for. */
  mode: 'all' | 'any' | 'choseong' | 'none';
  /** True when no article had every word and the OR match was used instead. */
  loosened: boolean;
  total: number;
  /** True when there are more matches than `total` (counting stops at a cap). */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  sort: 'relevance' | 'newest';
  results: SearchResultItem[];
  facets?: { press: FacetItem[]; category: FacetItem[] };
  suggestions: { looserQueries: string[]; issues: Array<{ id: number; title: string; url: string }> };
}

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    v === undefined
      ? undefined
      : (Array.isArray(v) ? v : v.split(','))
          .map((s) => s.trim())
          .filter(Boolean)
          .slice(0, 20),
  )
  .catch(undefined);
/** A real calendar day written YYYY-MM-DD ("2026-02-30" is not one); typed by hand on the page. */
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  })
  .optional()
  .catch(undefined);
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max).optional().catch(undefined);

/** Query-string parameters shared by /search and /api/v1/search. */
export const searchParamsSchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v.join(' ') : (v ?? '')))
    .catch(''),
  press: list,
  category: list,
  issue: positiveInt(2 ** 31 - 1),
  from: date,
  to: date,
  sort: z.enum(['relevance', 'newest']).optional().catch(undefined),
  page: positiveInt(MAX_PAGE),
  size: positiveInt(50),
});

export function toSearchRequest(raw: unknown): SearchRequest {
  const p = searchParamsSchema.parse(raw ?? {});
  return {
    q: p.q,
    pressSlugs: p.press,
    categorySlugs: p.category,
    issueId: p.issue,
    from: p.from,
    to: p.to,
    sort: p.sort,
    page: p.page,
    pageSize: p.size,
  };
}
