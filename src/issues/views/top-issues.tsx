// The home page's "top issues now" box: ranked by growth and press diversity, each with its counts.
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { IssueSummary } from '../read-store.ts';
import { IssueCounts } from './parts.tsx';
import { innerHtml } from '../../web/fragments.ts';

export function TopIssuesBox(props: { locale: Locale; issues: IssueSummary[] }) {
  if (!props.issues.length) return null;
  return (
    <section class="top-issues" aria-labelledby="top-issues-title">
      <TopIssuesContent {...props} />
    </section>
  );
}

/** The same box around its content kept as HTML (src/web/fragments.ts). */
export function TopIssuesBoxHtml(props: { html: string }) {
  return <section class="top-issues" aria-labelledby="top-issues-title" {...innerHtml(props.html)} />;
}

/** Inside the box: its title, the ranked issues, a link to all. */
export function TopIssuesContent(props: { locale: Locale; issues: IssueSummary[] }) {
  const tr = translator(props.locale);
  return (
    <>
      <h2 id="top-issues-title" class="section-title">
        {tr('issues.top.title')}
      </h2>
      <ol class="ranked-list top-issues__list">
        {props.issues.map((i) => (
          <li class="top-issues__item">
            <a href={`/issues/${encodeURIComponent(i.slug)}`}>{i.name}</a>{' '}
            <IssueCounts locale={props.locale} issue={i} />
          </li>
        ))}
      </ol>
      <p class="top-issues__more">
        <a href="/issues">{tr('issues.top.more')}</a>
      </p>
    </>
  );
}
