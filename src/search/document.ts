// Turns an article into the analysed term lists the index stores.
import { readKeywords } from '../articles/index.ts';
import { choseongTerms, searchIndexTerms } from '../text/index.ts';

export interface ArticleForIndex {
  id: number;
  revision: number;
  press_id: number;
  first_created_at: number;
  headline: string;
  subheadline: string | null;
  body_text: string;
  /** JSON string[] */
  keywords: string;
}

export interface AnalyzedDoc {
  articleId: number;
  revision: number;
  pressId: number;
  publishedAt: number;
  head: string[];
  body: string[];
  /** Choseong bigrams of headline words, for ㅇㄱㅈㄴ-style queries. */
  cho: string[];
}

function keywordText(json: string): string {
  return readKeywords(json).join(' ');
}

export function analyzeArticle(a: ArticleForIndex): AnalyzedDoc {
  return {
    articleId: a.id,
    revision: a.revision,
    pressId: a.press_id,
    publishedAt: a.first_created_at,
    // In-word terms plus junction terms of words written apart (compounds either way).
    head: searchIndexTerms(a.headline),
    body: searchIndexTerms([a.subheadline ?? '', a.body_text, keywordText(a.keywords)].join('\n')),
    cho: choseongTerms(a.headline),
  };
}

/** The search_docs columns both indexes keep for an analysed article (length norms for BM25). */
export function docRow(d: AnalyzedDoc) {
  return {
    article_id: d.articleId,
    revision: d.revision,
    press_id: d.pressId,
    published_at: d.publishedAt,
    head_len: d.head.length,
    body_len: d.body.length,
  };
}
