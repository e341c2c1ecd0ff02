// /issues — every active issue, newest activity first, filterable by category.
import { frameOf, type PageContext } from '../../web/page-context.ts';
import { isoTime, listTime } from '../../web/format.ts';
import { translator } from '../../web/i18n/index.ts';
import { Layout } from '../../web/layout.tsx';
import type { IssueSummary } from '../read-store.ts';
import { IssueCounts } from './parts.tsx';

export interface IssueCategoryFilter {
  slug: string;
  name: string;
}

export function IssuesListPage(props: {
  ctx: PageContext;
  issues: IssueSummary[];
  categories: IssueCategoryFilter[];
  activeCategory: string | undefined;
}) {
  const { ctx, issues } = props;
  const tr = translator(ctx.locale);
  const canonical = `${ctx.publicUrl}/issues${props.activeCategory ? `?category=${encodeURIComponent(props.activeCategory)}` : ''}`;
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: tr('issues.list.title'),
        description: tr('issues.list.description', { site: ctx.siteName }),
        canonical,
      }}
    >
      <header class="list-head">
        <h1 class="list-head__title">{tr('issues.list.title')}</h1>
      </header>
      <nav aria-label={tr('issues.list.filter')}>
        <ul class="chip-list">
          <li>
            <a class="chip" href="/issues" aria-current={props.activeCategory ? undefined : 'page'}>
              {tr('issues.list.all')}
            </a>
          </li>
          {props.categories.map((c) => (
            <li>
              <a
                class="chip"
                href={`/issues?category=${encodeURIComponent(c.slug)}`}
                aria-current={props.activeCategory === c.slug ? 'page' : undefined}
              >
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {issues.length ? (
        <ol class="issue-list">
          {issues.map((i) => (
            <li class="issue-list__item">
              <h2 class="issue-list__name">
                <a href={`/issues/${encodeURIComponent(i.slug)}`}>{i.name}</a>
              </h2>
              <p class="card__meta">
                <IssueCounts locale={ctx.locale} issue={i} />
                <time dateTime={isoTime(i.lastAt)}>{listTime(ctx.locale, i.lastAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty-state">{tr('issues.list.empty')}</p>
      )}
    </Layout>
  );
}
