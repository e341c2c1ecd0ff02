// Repeated text: the same text twice on one article, or on SOSIK_COMMENT_FLOOD_ARTICLES articles
// within a day (flooding). Compared by text key, so spacing and punctuation do not make it new.
import { t } from '../../../web/i18n/index.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

const DAY_MS = 86_400_000;

export const repeatPhase: Phase = {
  name: 'repeat',
  async run({ trx, draft, deps }): Promise<PhaseOutcome> {
    const same = await trx
      .selectFrom('comments')
      .select(['id', 'article_id'])
      .where('reader_id', '=', draft.reader.id)
      .where('body_key', '=', draft.key)
      .where('created_at', '>', draft.now - DAY_MS)
      .limit(1000)
      .execute();
    const here = same.find((c) => c.article_id === draft.article.id);
    if (here) return { action: 'reject', reason: 'repeat-article', evidence: { sameAs: here.id } };
    const articles = new Set(same.map((c) => c.article_id));
    if (articles.size + 1 >= deps.config.commentFloodArticles) {
      return { action: 'reject', reason: 'repeat-flood', evidence: { articles: articles.size + 1, within: '24h' } };
    }
    return { action: 'pass' };
  },
  describe: (config, locale) => t(locale, 'comments.phase.repeat', { articles: config.commentFloodArticles }),
};
