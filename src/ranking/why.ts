// A ranked item's figures in the reader's words ("최근 24시간 조회 152회").
import { translator, type Locale } from '../web/i18n/index.ts';
import type { RankingWhy } from './rankings.ts';

export function rankingWhyText(locale: Locale, why: RankingWhy): string {
  const tr = translator(locale);
  if (why.kind === 'viewed') return tr('ranking.why.viewed', { hours: why.windowHours, n: why.views });
  if (why.kind === 'commented') return tr('ranking.why.commented', { hours: why.windowHours, n: why.comments });
  return tr('ranking.why.rising', { hours: why.recentHours, n: why.recentViews, ratio: why.ratio.toFixed(1) });
}
