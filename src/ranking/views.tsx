// /ranking and the box beside articles: numbered lists, each item with the figures that placed it.
import { translator } from '../web/i18n/index.ts';
import { contentLang, type PageContext, pressName } from '../web/page-context.ts';
import type { RankedArticle, RankingKind } from './rankings.ts';
import { rankingWhyText } from './why.ts';

export interface ScopeLink {
  href: string;
  label: string;
  current: boolean;
}

export function RankingList(props: { ctx: PageContext; items: readonly RankedArticle[]; showPress: boolean }) {
  const { ctx } = props;
  return (
    <ol class="ranking-list">
      {props.items.map((i) => (
        <li class="ranking-list__item" data-article={i.card.id}>
          <span class="ranking-list__rank" aria-hidden="true">
            {i.rank}
          </span>
          <span class="ranking-list__body">
            <a href={`/articles/${i.card.id}`} lang={contentLang(ctx.locale, i.card.lang)}>
              {i.card.headline}
            </a>
            <span class="ranking-list__meta">
              {props.showPress ? <span class="ranking-list__press">{pressName(ctx.locale, i.card.press)}</span> : null}
              <span class="ranking-list__why" data-why={i.why.kind}>
                {rankingWhyText(ctx.locale, i.why)}
              </span>
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

function Chips(props: { label: string; links: readonly ScopeLink[] }) {
  return (
    <nav class="filter-chips" aria-label={props.label}>
      <ul>
        {props.links.map((l) => (
          <li>
            <a class="filter-chips__chip" href={l.href} aria-current={l.current ? 'true' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function RankingPage(props: {
  ctx: PageContext;
  kind: RankingKind;
  kinds: readonly ScopeLink[];
  categories: readonly ScopeLink[];
  presses: readonly ScopeLink[];
  scopeName?: string;
  items: readonly RankedArticle[];
}) {
  const tr = translator(props.ctx.locale);
  return (
    <div class="ranking-page">
      <h1>{props.scopeName ? tr('ranking.title.scoped', { scope: props.scopeName }) : tr('ranking.title')}</h1>
      <Chips label={tr('ranking.kinds')} links={props.kinds} />
      <Chips label={tr('ranking.categories')} links={props.categories} />
      <Chips label={tr('ranking.presses')} links={props.presses} />
      <h2 class="section-title">{tr(`ranking.kind.${props.kind}`)}</h2>
      {props.items.length ? (
        <RankingList ctx={props.ctx} items={props.items} showPress={true} />
      ) : (
        <p class="empty-state">{tr('ranking.empty')}</p>
      )}
      <p class="more-link">
        <a href="/about/ranking">{tr('ranking.about.link')}</a>
      </p>
    </div>
  );
}
