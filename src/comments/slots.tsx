// The comments' parts of the article page: the count next to the article's times (linking to the
// thread) and the thread itself, the same for every visitor so the page stays cacheable;
// static/comments.js swaps in the reader's own thread (forms, their pending comments) after load.
import type { VNode } from 'preact';
import type { ArticleSlot } from '../capability.ts';
import { t } from '../web/i18n/index.ts';
import { commentArticle } from './article-ref.ts';
import { commentsScriptUrl } from './assets.ts';
import { enabledReactions, reactionCounts } from './reactions.ts';
import { readThread, threadCounts } from './thread-store.ts';
import { CommentThread } from './views/thread.tsx';
import { commentWindow } from './windows.ts';

export const commentCountSlot: ArticleSlot = async (deps, article, page) => {
  const counts = await threadCounts(deps.db, article.id);
  return (
    <p class="comment-count-line">
      <a class="comment-count" href="#comments">
        {t(page.locale, 'comments.title')} <span class="comment-count__number">{counts.published}</span>
      </a>
    </p>
  ) as VNode;
};

export const commentThreadSlot: ArticleSlot = async (deps, article, page) => {
  const ref = await commentArticle(deps.db, article.id);
  if (!ref) return null;
  const thread = await readThread(deps.db, article.id, { sort: 'popular', page: 1, viewer: null });
  return (
    <div class="comments-slot" data-comments-fragment={`/articles/${article.id}/comments?fragment=1`}>
      <CommentThread
        locale={page.locale}
        articleId={article.id}
        thread={thread}
        sort="popular"
        window={commentWindow(ref, page.now)}
        writer={{ kind: 'link', href: `/articles/${article.id}/comments#comments` }}
        foldAt={deps.config.commentFoldAt}
        reactions={{ offered: enabledReactions(deps.config), ...(await reactionCounts(deps.db, article.id)) }}
      />
      <script type="module" src={commentsScriptUrl()} />
    </div>
  ) as VNode;
};
