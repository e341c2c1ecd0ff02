// /press: the directory of presses, each with its logo (when it has one), description, count of
// published articles, a link to its page and its feeds.
import { FeedLinks } from '../../web/components/feed-links.tsx';
import { translator } from '../../web/i18n/index.ts';
import { Layout, type AlternateLink } from '../../web/layout.tsx';
import { frameOf, pressName, type PageContext } from '../../web/page-context.ts';
import type { PressEntry } from '../press-directory-store.ts';

export interface DirectoryEntry {
  press: PressEntry;
  feeds: AlternateLink[];
}

export function PressDirectoryPage(props: { ctx: PageContext; entries: readonly DirectoryEntry[] }) {
  const { ctx } = props;
  const tr = translator(ctx.locale);
  const number = new Intl.NumberFormat(ctx.locale === 'ko' ? 'ko-KR' : 'en-US');
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: tr('articles.presses.title'),
        description: tr('articles.presses.description', { site: ctx.siteName }),
        canonical: `${ctx.publicUrl}/press`,
      }}
    >
      <header class="list-head">
        <h1 class="list-head__title">{tr('articles.presses.title')}</h1>
        <p class="list-head__note">
          {tr('articles.presses.note', { count: number.format(props.entries.length), site: ctx.siteName })}
        </p>
      </header>
      {props.entries.length ? (
        <ul class="press-directory">
          {props.entries.map(({ press, feeds }) => {
            const name = pressName(ctx.locale, press);
            const description = (ctx.locale === 'en' ? press.descriptionEn : null) ?? press.description;
            return (
              <li class="press-entry">
                {press.logoUrl ? (
                  <img class="press-entry__logo" src={press.logoUrl} alt="" loading="lazy" decoding="async" />
                ) : (
                  <span class="press-entry__logo press-entry__logo--initial" aria-hidden="true">
                    {name.slice(0, 1)}
                  </span>
                )}
                <div class="press-entry__text">
                  <h2 class="press-entry__name">
                    <a href={`/press/${encodeURIComponent(press.slug)}`}>{name}</a>
                  </h2>
                  {description ? <p class="press-entry__description">{description}</p> : null}
                  <p class="press-entry__count">
                    {tr('articles.presses.count', { count: number.format(press.articleCount) })}
                  </p>
                  <FeedLinks
                    feeds={feeds}
                    label={tr('articles.presses.feeds', { press: name })}
                    class="press-entry__feeds"
                  />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty-state">{tr('articles.presses.empty')}</p>
      )}
    </Layout>
  );
}
