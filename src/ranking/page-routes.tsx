// /ranking: one of the three rankings, overall or for one press or category (links, no script).
// Anonymous pages are cached under the `front` tag (a withdrawal or new article drops them) and
// otherwise for at most SOSIK_PAGE_CACHE_SECONDS: views are never announced, so a ranking may be
// that much behind the counts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listCategories } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageContext, sendPage } from '../web/page.ts';
import { cachePageTags } from '../web/page-cache.ts';
import { categoryName, frameOf, pressName } from '../web/page-context.ts';
import { AboutRanking } from './about.tsx';
import { RANKING_KINDS, type RankingKind, type RankingScope, ranking } from './rankings.ts';
import { RankingPage, type ScopeLink } from './views.tsx';

const query = z.object({
  by: z.enum(['viewed', 'commented', 'rising']).default('viewed'),
  press: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  lang: z.string().optional(),
});

function rankingHref(kind: RankingKind, scope: { press?: string; category?: string }): string {
  const q = new URLSearchParams();
  if (kind !== 'viewed') q.set('by', kind);
  if (scope.press) q.set('press', scope.press);
  else if (scope.category) q.set('category', scope.category);
  return q.size ? `/ranking?${q}` : '/ranking';
}

export async function rankingPageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/ranking', async (request, reply) => {
    const parsed = query.safeParse(request.query ?? {});
    if (!parsed.success) {
      throw Errors.validation(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    const { by, press: pressSlug, category: categorySlug } = parsed.data;
    const [categories, presses] = await Promise.all([
      listCategories(deps.db),
      deps.db.selectFrom('presses').select(['id', 'slug', 'name', 'name_en']).orderBy('name').limit(200).execute(),
    ]);
    const press = pressSlug === undefined ? undefined : presses.find((p) => p.slug === pressSlug);
    const category = categorySlug === undefined ? undefined : categories.find((c) => c.slug === categorySlug);
    if ((pressSlug !== undefined && !press) || (categorySlug !== undefined && !category)) {
      throw Errors.notFound('page');
    }
    const ctx = await pageContext(request, reply);
    const scope: RankingScope = press ? { pressId: Number(press.id) } : category ? { categoryId: category.id } : {};
    const items = await ranking(deps.db, by, scope);
    const current = { press: press?.slug, category: category?.slug };
    const scopeName = press
      ? pressName(ctx.locale, { name: press.name, nameEn: press.name_en })
      : category
        ? categoryName(ctx.locale, category)
        : undefined;
    const kinds: ScopeLink[] = RANKING_KINDS.map((k) => ({
      href: rankingHref(k, current),
      label: t(ctx.locale, `ranking.kind.${k}`),
      current: k === by,
    }));
    const categoryLinks: ScopeLink[] = [
      { href: rankingHref(by, {}), label: t(ctx.locale, 'ranking.all'), current: !press && !category },
      ...categories.map((c) => ({
        href: rankingHref(by, { category: c.slug }),
        label: categoryName(ctx.locale, c),
        current: c.id === category?.id,
      })),
    ];
    const pressLinks: ScopeLink[] = presses.map((p) => ({
      href: rankingHref(by, { press: p.slug }),
      label: pressName(ctx.locale, { name: p.name, nameEn: p.name_en }),
      current: p.id === press?.id,
    }));
    cachePageTags(reply, ['front']);
    const title = scopeName
      ? t(ctx.locale, 'ranking.title.scoped', { scope: scopeName })
      : t(ctx.locale, 'ranking.title');
    return sendPage(
      reply,
      <Layout {...frameOf(ctx)} meta={{ title, canonical: `${ctx.publicUrl}${rankingHref(by, current)}` }}>
        <RankingPage
          ctx={ctx}
          kind={by}
          kinds={kinds}
          categories={categoryLinks}
          presses={pressLinks}
          scopeName={scopeName}
          items={items}
        />
      </Layout>,
    );
  });

  app.get('/about/ranking', async (request, reply) => {
    const ctx = await pageContext(request, reply);
    // Shows code and configuration (which change only with a deploy) in the frame (the 속보 banner).
    cachePageTags(reply, ['front']);
    return sendPage(
      reply,
      <Layout
        {...frameOf(ctx)}
        meta={{ title: t(ctx.locale, 'ranking.about.title'), canonical: `${ctx.publicUrl}/about/ranking` }}
      >
        <AboutRanking locale={ctx.locale} config={deps.config} />
      </Layout>,
    );
  });
}
