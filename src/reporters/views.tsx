// The reporter's page (their articles, newest first, with the follow control) and the studio's
// reporter list (rename, merge).
import type { VNode } from 'preact';
import { type ArticleCard, ArticleCardList } from '../articles/index.ts';
import { CsrfField } from '../auth/csrf.tsx';
import type { PressSummary } from '../press/index.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { frameOf, pressName, type PageContext } from '../web/page-context.ts';
import type { Reporter } from './store.ts';
import { StaffTable } from '../web/components/staff-table.tsx';

export function ReporterPage(props: {
  ctx: PageContext;
  reporter: Reporter;
  press: PressSummary;
  articles: readonly ArticleCard[];
  older?: string;
  follow: readonly VNode[];
}) {
  const { ctx, reporter } = props;
  const tr = translator(ctx.locale);
  const press = pressName(ctx.locale, props.press);
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: tr('reporters.page.title', { name: reporter.name, press }),
        description: tr('reporters.page.description', { name: reporter.name, press }),
        canonical: `${ctx.publicUrl}/reporters/${reporter.id}`,
      }}
    >
      <header class="list-head">
        <h1 class="list-head__title">{tr('reporters.page.heading', { name: reporter.name })}</h1>
        <p class="list-head__note">
          <a href={`/press/${props.press.slug}`}>{press}</a>
        </p>
        {props.follow}
      </header>
      {props.articles.length ? (
        <ArticleCardList ctx={ctx} articles={props.articles} variant="item" headingLevel={2} hidePress />
      ) : (
        <p class="empty-state">{tr('reporters.page.empty')}</p>
      )}
      {props.older ? (
        <nav class="pagination" aria-label={tr('reporters.page.more')}>
          <a rel="next" href={`/reporters/${reporter.id}?before=${props.older}`}>
            {tr('reporters.page.older')}
          </a>
        </nav>
      ) : null}
    </Layout>
  );
}

export function StudioReportersView(props: {
  locale: Locale;
  csrfToken: string;
  press: PressSummary | undefined;
  presses: readonly PressSummary[];
  reporters: ReadonlyArray<Reporter & { articles: number }>;
}) {
  const tr = translator(props.locale);
  return (
    <div class="studio">
      <h1>{tr('reporters.studio.title')}</h1>
      {props.presses.length ? (
        <form method="get" action="/studio/reporters" class="studio-form">
          <label for="reporters-press">{tr('reporters.studio.press')}</label>
          <select id="reporters-press" name="press">
            {props.presses.map((p) => (
              <option value={p.slug} selected={p.id === props.press?.id}>
                {pressName(props.locale, p)}
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            {tr('reporters.studio.show')}
          </button>
        </form>
      ) : null}
      {props.press ? (
        props.reporters.length ? (
          <StaffTable
            columns={[
              tr('reporters.studio.name'),
              tr('reporters.studio.articles'),
              tr('reporters.studio.rename'),
              tr('reporters.studio.merge'),
            ]}
            caption={tr('reporters.studio.caption', { press: pressName(props.locale, props.press) })}
          >
            {props.reporters.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/reporters/${r.id}`}>{r.name}</a>
                  {r.email ? <span class="studio-table__note"> {r.email}</span> : null}
                </th>
                <td>{r.articles}</td>
                <td>
                  <form method="post" action={`/studio/reporters/${r.id}/name`}>
                    <CsrfField token={props.csrfToken} />
                    <label class="visually-hidden" for={`rename-${r.id}`}>
                      {tr('reporters.studio.display-name', { name: r.bylineName })}
                    </label>
                    <input
                      id={`rename-${r.id}`}
                      name="displayName"
                      maxLength={100}
                      value={r.name === r.bylineName ? '' : r.name}
                      placeholder={r.bylineName}
                    />
                    <button type="submit" class="button">
                      {tr('reporters.studio.save')}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action="/studio/reporters/merge">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="from" value={String(r.id)} />
                    <label class="visually-hidden" for={`merge-${r.id}`}>
                      {tr('reporters.studio.merge-into', { name: r.name })}
                    </label>
                    <select id={`merge-${r.id}`} name="into">
                      {props.reporters
                        .filter((o) => o.id !== r.id)
                        .map((o) => (
                          <option value={String(o.id)}>{o.email ? `${o.name} (${o.email})` : o.name}</option>
                        ))}
                    </select>
                    <button type="submit" class="button">
                      {tr('reporters.studio.merge')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </StaffTable>
        ) : (
          <p class="empty-state">{tr('reporters.studio.empty')}</p>
        )
      ) : null}
    </div>
  );
}
