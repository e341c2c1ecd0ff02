// "왜 이 기사가 보이나요?": the answer built from an item's largest score terms, in their order.
import { translator, type Locale } from '../web/i18n/index.ts';
import type { ScoreTerm } from './for-you.ts';

/** How many terms the answer names (the largest ones). */
export const EXPLAINED_TERMS = 2;

export function explainTerms(locale: Locale, terms: readonly ScoreTerm[]): string[] {
  const tr = translator(locale);
  return terms.slice(0, EXPLAINED_TERMS).map((term) => {
    const subject = term.subject[locale];
    if (term.term === 'freshness' && subject === '0') return tr('ranking.why.forYou.freshnessNow');
    return tr(`ranking.why.forYou.${term.term}`, { subject });
  });
}
