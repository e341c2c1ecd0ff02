// The home page's "top issues now" box: ranked by growth and press diversity, each with its counts.
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { IssueSummary } from '../read-store.ts';
import { IssueCounts } from './parts.tsx';

export function TopIssuesBox(props: { locale: Locale; issues: IssueSummary[] }) {
  const tr = translator(props.locale);
  if (!props.issues.length) return null;
  return (
    <section class="top-issues" aria-labelledby="top-issues-title">
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
    </section>
  );
}
