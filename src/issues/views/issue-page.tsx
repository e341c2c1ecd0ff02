// /issues/:slug — one story across presses: name, lead article, chart, timeline by day, presses,
// related issues and feeds; the editor panel for editors.
import type { VNode } from 'preact';
import { FeedLinks } from '../../web/components/feed-links.tsx';
import { frameOf, type PageContext } from '../../web/page-context.ts';
import { contentLang } from '../../web/page-context.ts';
import { isoTime, listTime, shortDate } from '../../web/format.ts';
import { translator } from '../../web/i18n/index.ts';
import { Layout, type AlternateLink } from '../../web/layout.tsx';
import type { Histogram } from '../chart.ts';
import type { IssueArticle, IssueSummary } from '../read-store.ts';
import { ArticleEditorActions, EditorPanel, type EditorContext } from './editor-panel.tsx';
import { IssueChart } from './issue-chart.tsx';
import { IssueCounts, pressLabel } from './parts.tsx';

export interface IssuePageData {
  /** The follow control (src/capability.ts `followControl`). */
  follow?: readonly VNode[];
  issue: IssueSummary;
  lead: IssueArticle | undefined;
  articles: IssueArticle[];
  presses: Array<{ slug: string; name: string; count: number }>;
  chart: Histogram;
  related: IssueSummary[];
  alternates: AlternateLink[];
  dormant: boolean;
  editor: EditorContext | null;
}

function byDay(ctx: PageContext, articles: IssueArticle[]): Array<{ day: string; items: IssueArticle[] }> {
  const groups: Array<{ day: string; items: IssueArticle[] }> = [];
  for (const a of articles) {
    const day = shortDate(ctx.locale, a.publishedAt);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(a);
    else groups.push({ day, items: [a] });
  }
  return groups;
}

export function IssuePage(props: { ctx: PageContext; data: IssuePageData }) {
  const { ctx, data } = props;
  const { issue } = data;
  const tr = translator(ctx.locale);
  const canonical = `${ctx.publicUrl}/issues/${encodeURIComponent(issue.slug)}`;
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: issue.name,
        description: tr('issues.page.description', {
          name: issue.name,
          articles: issue.articleCount,
          presses: issue.pressCount,
        }),
        canonical,
        alternates: data.alternates,
        robots: issue.visible ? undefined : 'noindex',
      }}
    >
      <article class="issue-page">
        <header class="issue-head">
          <p class="issue-tag">
            <span class="issue-tag__label">{tr('issues.label')}</span>
          </p>
          <h1 class="issue-head__title">{issue.name}</h1>
          <p class="issue-head__meta">
            <IssueCounts locale={ctx.locale} issue={issue} />
            {' · '}
            <time dateTime={isoTime(issue.firstAt)}>{listTime(ctx.locale, issue.firstAt)}</time>
            {' – '}
            <time dateTime={isoTime(issue.lastAt)}>{listTime(ctx.locale, issue.lastAt)}</time>
          </p>
          {data.dormant ? <p class="issue-head__note">{tr('issues.page.dormant')}</p> : null}
          {!issue.visible ? <p class="issue-head__note">{tr('issues.page.not-public')}</p> : null}
          {data.follow}
        </header>

        {data.lead ? (
          <section class="issue-lead" aria-labelledby="issue-lead-title">
            <h2 id="issue-lead-title" class="section-title">
              {tr('issues.page.lead')}
            </h2>
            <h3
              class="issue-lead__headline"
              lang={contentLang(ctx.locale, /[가-힣]/.test(data.lead.headline) ? 'ko' : 'en')}
            >
              <a href={`/articles/${data.lead.id}`}>{data.lead.headline}</a>
            </h3>
            {data.lead.summary ? <p class="issue-lead__summary">{data.lead.summary}</p> : null}
            <p class="card__meta">
              <a class="card__press" href={`/press/${data.lead.pressSlug}`}>
                {pressLabel(ctx.locale, data.lead)}
              </a>
              <time dateTime={isoTime(data.lead.publishedAt)}>{listTime(ctx.locale, data.lead.publishedAt)}</time>
            </p>
          </section>
        ) : null}

        <section aria-labelledby="issue-chart-heading">
          <h2 id="issue-chart-heading" class="section-title">
            {tr('issues.page.chart')}
          </h2>
          <IssueChart locale={ctx.locale} data={data.chart} />
        </section>

        <div class="with-aside">
          <section class="issue-timeline" aria-labelledby="issue-timeline-title">
            <h2 id="issue-timeline-title" class="section-title">
              {tr('issues.page.timeline')}
            </h2>
            {byDay(ctx, data.articles).map((g) => (
              <section class="issue-day">
                <h3 class="issue-day__date">{g.day}</h3>
                <ol class="issue-day__list">
                  {g.items.map((a) => (
                    <li class="issue-item">
                      <time class="issue-item__time" dateTime={isoTime(a.publishedAt)}>
                        {listTime(ctx.locale, a.publishedAt).slice(-5)}
                      </time>{' '}
                      <a class="issue-item__press" href={`/press/${a.pressSlug}`}>
                        {pressLabel(ctx.locale, a)}
                      </a>{' '}
                      <a class="issue-item__headline" href={`/articles/${a.id}`}>
                        {a.headline}
                      </a>
                      {data.editor ? (
                        <ArticleEditorActions ctx={data.editor} issueSlug={issue.slug} article={a} />
                      ) : null}
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </section>
          <aside class="issue-aside">
            <section aria-labelledby="issue-presses-title">
              <h2 id="issue-presses-title" class="section-title">
                {tr('issues.page.presses')}
              </h2>
              <ul class="issue-presses">
                {data.presses.map((p) => (
                  <li>
                    <a href={`/press/${p.slug}`}>{p.name}</a> <span class="issue-presses__count">{p.count}</span>
                  </li>
                ))}
              </ul>
            </section>
            {data.related.length ? (
              <section aria-labelledby="issue-related-title">
                <h2 id="issue-related-title" class="section-title">
                  {tr('issues.page.related')}
                </h2>
                <ul class="issue-related">
                  {data.related.map((r) => (
                    <li>
                      <a href={`/issues/${encodeURIComponent(r.slug)}`}>{r.name}</a>{' '}
                      <IssueCounts locale={ctx.locale} issue={r} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="issue-feeds-title">
              <h2 id="issue-feeds-title" class="section-title">
                {tr('issues.page.feeds')}
              </h2>
              <FeedLinks feeds={data.alternates} class="issue-feeds" />
            </section>
            {data.editor ? <EditorPanel ctx={data.editor} issue={issue} /> : null}
          </aside>
        </div>
      </article>
    </Layout>
  );
}
