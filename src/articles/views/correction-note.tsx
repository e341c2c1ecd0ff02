// "수정됨 · N회" beside the published time: the article was corrected N times since it was first
// published; it links to the public record of what changed (/articles/:id/revisions).
import { dateTime, isoTime } from '../../web/format.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';

export function CorrectionNote({
  locale,
  articleId,
  corrections,
  at,
}: {
  locale: Locale;
  articleId: number;
  corrections: number;
  at: number;
}) {
  const tr = translator(locale);
  return (
    <span class="article-times__item article-times__corrections">
      <a href={`/articles/${articleId}/revisions`} class="article-times__label">
        {tr('articles.corrected', { n: corrections })}
      </a>{' '}
      <time dateTime={isoTime(at)}>{dateTime(locale, at)}</time>
    </span>
  );
}
