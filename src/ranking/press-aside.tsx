// Beside every article: the most viewed of its own press (PRESS_ASIDE), and the view beacon that
// counts this reading (static/ranking-view.js; the rules are in bots.ts). The beacon is in the page
// even when the box has nothing to list, so a press's first views are counted too.
import type { ArticleSlot } from '../capability.ts';
import { translator } from '../web/i18n/index.ts';
import { pressName } from '../web/page-context.ts';
import { pressTop } from './rankings.ts';
import { RankingList } from './views.tsx';
import { viewBeaconScriptUrl } from './assets.ts';

export const pressAsideSlot: ArticleSlot = async (deps, article, page) => {
  const [items, press] = await Promise.all([
    pressTop(deps.db, article.pressId),
    deps.db
      .selectFrom('presses')
      .select(['slug', 'name', 'name_en'])
      .where('id', '=', article.pressId)
      .executeTakeFirst(),
  ]);
  const tr = translator(page.locale);
  const shown = items.filter((i) => i.card.id !== article.id);
  const beacon = [
    <span data-count-view={String(article.id)} hidden />,
    <script type="module" src={viewBeaconScriptUrl()} />,
  ];
  if (!press || !shown.length) return <>{beacon}</>;
  const name = pressName(page.locale, { name: press.name, nameEn: press.name_en });
  return (
    <aside class="side-column press-top" aria-labelledby="press-top-title">
      {beacon}
      <h2 id="press-top-title" class="section-title">
        {tr('ranking.aside.title', { press: name })}
      </h2>
      <RankingList ctx={page} items={shown} showPress={false} />
      <p class="more-link">
        <a href={`/ranking?press=${encodeURIComponent(press.slug)}`}>{tr('ranking.aside.more')}</a>
      </p>
    </aside>
  );
};
