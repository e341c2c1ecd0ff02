// The home page's order choice (주요 뉴스 / 최신순 / 맞춤), on the page it orders, and the list of
// the chosen order. Main news (the home's own lead section) is the default for everyone; "for
// you" is offered to signed-in readers who have not switched personalisation off, and every item
// of it answers "why am I seeing this?" from its score's largest terms.
import type { FastifyRequest } from 'fastify';
import { type ArticleCard, ArticleCardList, articleCardsByIds } from '../articles/index.ts';
import type { HomeOrder, HomeOrderSlot } from '../capability.ts';
import { getReader } from '../readers/index.ts';
import { translator } from '../web/i18n/index.ts';
import { contentLang, type PageContext, pressName } from '../web/page-context.ts';
import { explainTerms } from './explain.ts';
import { type ForYouItem, forYou } from './for-you.ts';
import { isPersonalised } from './settings.ts';

export const HOME_ORDERS = ['main', 'latest', 'for-you'] as const;
export type HomeOrderName = (typeof HOME_ORDERS)[number];
const LATEST_SIZE = 20;

function chosenOrder(request: FastifyRequest): HomeOrderName {
  const raw = (request.query as { order?: unknown } | undefined)?.order;
  return HOME_ORDERS.includes(raw as HomeOrderName) ? (raw as HomeOrderName) : 'main';
}

function Switcher(props: { ctx: PageContext; current: HomeOrderName; forYouHref: string; forYouNote?: string }) {
  const tr = translator(props.ctx.locale);
  const href = { main: '/', latest: '/?order=latest', 'for-you': props.forYouHref } as const;
  return (
    <nav class="filter-chips home-order" aria-label={tr('ranking.order.label')}>
      <ul>
        {HOME_ORDERS.map((o) => (
          <li>
            <a
              class="filter-chips__chip"
              href={href[o]}
              data-order={o}
              aria-current={o === props.current ? 'true' : undefined}
            >
              {tr(`ranking.order.${o}`)}
            </a>
          </li>
        ))}
        <li>
          <a class="home-order__about" href="/about/ranking">
            {tr('ranking.about.link')}
          </a>
        </li>
      </ul>
      {props.forYouNote ? <p class="home-order__note">{props.forYouNote}</p> : null}
    </nav>
  );
}

function ForYouList(props: { ctx: PageContext; items: readonly ForYouItem[] }) {
  const { ctx } = props;
  const tr = translator(ctx.locale);
  return (
    <section class="home-latest for-you" aria-labelledby="for-you-title">
      <h2 id="for-you-title" class="section-title">
        {tr('ranking.order.for-you')}
      </h2>
      {props.items.length ? (
        <ol class="ranking-list">
          {props.items.map((i) => (
            <li
              class="ranking-list__item for-you__item"
              data-article={i.card.id}
              data-terms={i.terms.map((t) => t.term).join(' ')}
            >
              <span class="ranking-list__body">
                <a href={`/articles/${i.card.id}`} lang={contentLang(ctx.locale, i.card.lang)}>
                  {i.card.headline}
                </a>
                <span class="ranking-list__meta">
                  <span class="ranking-list__press">{pressName(ctx.locale, i.card.press)}</span>
                </span>
                <details class="for-you__why">
                  <summary>{tr('ranking.why.question')}</summary>
                  <p class="for-you__because">{explainTerms(ctx.locale, i.terms).join(' · ')}</p>
                </details>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty-state">{tr('ranking.forYou.empty')}</p>
      )}
    </section>
  );
}

function LatestList(props: { ctx: PageContext; cards: ArticleCard[] }) {
  const tr = translator(props.ctx.locale);
  return (
    <section class="home-latest" aria-labelledby="latest-title">
      <h2 id="latest-title" class="section-title">
        {tr('ranking.order.latest')}
      </h2>
      <ArticleCardList ctx={props.ctx} articles={props.cards} variant="item" />
    </section>
  );
}

export const homeOrderSlot: HomeOrderSlot = async (deps, request, page): Promise<HomeOrder> => {
  const tr = translator(page.locale);
  let order = chosenOrder(request);
  const reader = await getReader(request, deps);
  const personalised = reader ? await isPersonalised(deps.db, reader.id) : false;
  let forYouHref = '/?order=for-you';
  let forYouNote: string | undefined;
  if (!reader) forYouHref = `/login?next=${encodeURIComponent('/?order=for-you')}`;
  else if (!personalised) forYouHref = '/account/ranking';
  if (order === 'for-you' && !personalised) {
    // Never personalised without a reader who allows it: the default order, and why.
    forYouNote = tr(reader ? 'ranking.forYou.off' : 'ranking.forYou.signIn');
    order = 'main';
  }
  const switcher = <Switcher ctx={page} current={order} forYouHref={forYouHref} forYouNote={forYouNote} />;
  if (order === 'latest') {
    const ids = await deps.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'usable')
      .orderBy('first_created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LATEST_SIZE)
      .execute();
    const cards = await articleCardsByIds(
      deps.db,
      ids.map((r) => r.id),
    );
    return { switcher, main: <LatestList ctx={page} cards={cards} /> };
  }
  if (order === 'for-you' && reader) {
    return { switcher, main: <ForYouList ctx={page} items={await forYou(deps, reader.id)} /> };
  }
  return { switcher };
};
