// Small pieces shared by the issue views.
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { IssueArticle, IssueSummary } from '../read-store.ts';

export function IssueCounts(props: { locale: Locale; issue: Pick<IssueSummary, 'articleCount' | 'pressCount'> }) {
  const tr = translator(props.locale);
  return (
    <span class="issue-counts">
      {tr('issues.counts', { articles: props.issue.articleCount, presses: props.issue.pressCount })}
    </span>
  );
}

export function pressLabel(locale: Locale, a: Pick<IssueArticle, 'pressName' | 'pressNameEn'>): string {
  return locale === 'en' && a.pressNameEn ? a.pressNameEn : a.pressName;
}
