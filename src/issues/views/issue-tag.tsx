// The article's issue, shown above its headline (the article page's header slot).
import { translator, type Locale } from '../../web/i18n/index.ts';

export interface IssueTag {
  name: string;
  slug: string;
}

export function IssueTagLink(props: { locale: Locale; tag: IssueTag; lang?: string }) {
  const tr = translator(props.locale);
  return (
    <p class="issue-tag" lang={props.lang}>
      <a href={`/issues/${encodeURIComponent(props.tag.slug)}`}>
        <span class="issue-tag__label">{tr('articles.issue.label')}</span>
        <span class="issue-tag__name">{props.tag.name}</span>
      </a>
    </p>
  );
}
