// Pre-moderation: every comment, or an account's first N, waits for a moderator. The site-wide
// setting applies everywhere; a category's rule (comment_category_rules) may be stricter.
import { t } from '../../../web/i18n/index.ts';
import type { Phase, PhaseOutcome } from '../phase.ts';

type Mode = { mode: 'none' } | { mode: 'all' } | { mode: 'first'; first: number };

function stricter(a: Mode, b: Mode): Mode {
  if (a.mode === 'all' || b.mode === 'all') return { mode: 'all' };
  if (a.mode === 'first' && b.mode === 'first') return { mode: 'first', first: Math.max(a.first, b.first) };
  return a.mode === 'first' ? a : b;
}

export const premoderationPhase: Phase = {
  name: 'premoderation',
  async run({ trx, draft, deps }): Promise<PhaseOutcome> {
    const { config } = deps;
    let mode: Mode =
      config.commentPremoderation === 'all'
        ? { mode: 'all' }
        : config.commentPremoderation === 'first'
          ? { mode: 'first', first: config.commentPremoderateFirst }
          : { mode: 'none' };
    let category: number | null = null;
    // The article's category rules came with the article (article-ref.ts), read once per post.
    for (const r of draft.article.categoryRules) {
      const m: Mode =
        r.premoderation === 'all'
          ? { mode: 'all' }
          : r.premoderation === 'first'
            ? { mode: 'first', first: r.premoderate_first }
            : { mode: 'none' };
      const before = mode;
      mode = stricter(mode, m);
      if (mode !== before) category = r.categoryId;
    }
    if (mode.mode === 'none') return { action: 'pass' };
    if (mode.mode === 'all') return { action: 'hold', reason: 'premoderation-all', evidence: { category } };
    if (mode.first === 0) return { action: 'pass' };
    // Counted up to the threshold only: an old account's history is not read in full.
    const earlier = await trx
      .selectFrom(
        trx
          .selectFrom('comments')
          .select('id')
          .where('reader_id', '=', draft.reader.id)
          .where('status', '=', 'published')
          .limit(mode.first)
          .as('p'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const published = Number(earlier.n);
    if (published >= mode.first) return { action: 'pass' };
    return { action: 'hold', reason: 'premoderation-first', evidence: { published, first: mode.first, category } };
  },
  describe: (config, locale) =>
    t(locale, `comments.phase.premoderation.${config.commentPremoderation}`, { first: config.commentPremoderateFirst }),
};
