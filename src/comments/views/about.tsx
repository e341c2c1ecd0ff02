// /about/moderation: the phases, limits and thresholds in force, generated from the configuration
// and the pipeline itself, so the page cannot drift from what the code does.
import type { Config } from '../../config.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';
import { PHASES } from '../pipeline/phases.ts';

export function AboutModeration({ locale, config }: { locale: Locale; config: Config }) {
  const tr = translator(locale);
  return (
    <div class="about-moderation">
      <h1>{tr('comments.about.title')}</h1>
      <p>{tr('comments.about.intro')}</p>
      <h2>{tr('comments.about.phases')}</h2>
      <ol class="about-moderation__phases">
        {PHASES.map((p) => (
          <li data-phase={p.name}>{p.describe(config, locale)}</li>
        ))}
      </ol>
      <h2>{tr('comments.about.limits')}</h2>
      <ul class="about-moderation__limits">
        <li>{tr('comments.about.limit.day', { n: config.commentsPerDay })}</li>
        <li>{tr('comments.about.limit.article', { n: config.commentsPerArticle })}</li>
        <li>{tr('comments.about.limit.replies', { n: config.commentRepliesPerArticle })}</li>
        <li>{tr('comments.about.limit.gap', { n: config.commentGapSeconds })}</li>
        <li>{tr('comments.about.limit.likes', { n: config.commentLikesPerDay, gap: config.commentLikeGapSeconds })}</li>
        <li>{tr('comments.about.limit.fold', { n: config.commentFoldAt })}</li>
        <li>{tr('comments.about.limit.wait', { n: config.newAccountWaitHours })}</li>
        <li>{tr('comments.about.limit.reactions', { n: config.reactionsPerDay })}</li>
      </ul>
    </div>
  );
}
