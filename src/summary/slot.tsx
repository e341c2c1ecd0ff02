// The article page's automatic summary: a collapsed "요약" (a <details>, so it opens without
// JavaScript) between the headline and the body, labelled as automatic, with a note that the
// article's full text is what counts. UI text carries the page's language, the sentences the
// article's (they are the press's own words).
import type { ArticleSlot } from '../capability.ts';
import { translator } from '../web/i18n/index.ts';
import { uiLang } from '../web/page-context.ts';
import { summaryForPage } from './store.ts';

export const summarySlot: ArticleSlot = async (deps, article, page) => {
  const sentences = await summaryForPage(deps.db, article.id);
  if (!sentences) return null;
  const tr = translator(page.locale);
  const ui = uiLang(page.locale, article.lang);
  return (
    <details class="auto-summary" data-auto-summary>
      <summary class="auto-summary__toggle" lang={ui}>
        <span class="auto-summary__title">{tr('summary.title')}</span>{' '}
        <span class="auto-summary__badge">{tr('summary.badge')}</span>
      </summary>
      <ul class="auto-summary__sentences">
        {sentences.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <p class="auto-summary__note" lang={ui}>
        {tr('summary.note')}
      </p>
    </details>
  );
};
