// GET /articles/:id/revisions: the public record of a press's corrections (views/revisions.tsx).
// A withdrawn article answers 410 here too, with the same short notice as its page: what was
// withdrawn is not republished through its history.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../deps.ts';
import { renderErrorPage } from '../web/error-pages.tsx';
import { dateTime } from '../web/format.ts';
import { t } from '../web/i18n/index.ts';
import { pageLocale } from '../web/locale.ts';
import { pageContext, sendPage } from '../web/page.ts';
import { pressName } from '../web/page-context.ts';
import { parseIdParam } from '../web/params.ts';
import { articleDetail } from './article-detail-store.ts';
import { wordDiff } from './revision-diff.ts';
import { articleRevisions } from './revisions-store.ts';
import { RevisionsPage, type RevisionView } from './views/revisions.tsx';

export async function revisionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { id: string } }>('/articles/:id/revisions', async (request, reply) => {
    const id = parseIdParam(request.params.id);
    const article = id === undefined ? undefined : await articleDetail(deps.db, id);
    if (!article) {
      pageLocale(request, reply);
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage(request, 404, 'No such article.'));
    }
    if (article.status === 'withdrawn') {
      const locale = pageLocale(request, reply);
      const detail = t(locale, 'articles.withdrawn.detail', {
        press: pressName(locale, article.press),
        time: dateTime(locale, article.withdrawnAt ?? article.updatedAt),
      });
      return reply
        .status(410)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage(request, 410, 'This article has been withdrawn.', { detail }));
    }
    const ctx = await pageContext(request, reply);
    const { revisions, total } = await articleRevisions(deps.db, article.id);
    const views: RevisionView[] = [];
    for (let i = 0; i < revisions.length; i++) {
      const r = revisions[i]!;
      const before = revisions[i - 1];
      const key = `${article.id}:${r.revision}`;
      views.push({
        ...r,
        headlineDiff: before ? await wordDiff(before.headline, r.headline, `${key}:h`) : null,
        bodyDiff: before ? await wordDiff(before.bodyText, r.bodyText, `${key}:b`) : null,
      });
    }
    const page = { ctx, article, revisions: views.reverse(), total };
    return sendPage(reply, h(RevisionsPage, page));
  });
}
