// Building the thread for one viewer: who they are (anonymous, staff, a reader who may or may not
// write), the window in force, one page in the chosen order, and the evidence behind their own
// held or rejected comments.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../capability.ts';
import { csrfToken } from '../auth/csrf.tsx';
import { getReader, type ReaderAccount } from '../readers/index.ts';
import type { Locale } from '../web/i18n/index.ts';
import type { CommentArticle } from './article-ref.ts';
import { participationError } from './post.ts';
import { enabledReactions, reactionCounts } from './reactions.ts';
import { refusalText } from './refusal-text.ts';
import { readThread, SORTS, type Sort, type Thread } from './thread-store.ts';
import type { ThreadProps, Writer } from './views/thread.tsx';
import { commentWindow } from './windows.ts';

export function sortOf(raw: unknown): Sort {
  return SORTS.find((s) => s === raw) ?? 'popular';
}

export function pageOf(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
}

export async function evidenceFor(
  deps: AppDeps,
  thread: Thread,
  readerId: number,
): Promise<Map<number, Record<string, unknown>>> {
  const own = [...thread.comments, ...thread.comments.flatMap((c) => c.replies)].filter(
    (c) => c.readerId === readerId && (c.status === 'held' || c.status === 'rejected'),
  );
  const out = new Map<number, Record<string, unknown>>();
  if (!own.length) return out;
  const rows = await deps.db
    .selectFrom('comment_decisions')
    .select(['comment_id', 'reason', 'evidence'])
    .where(
      'comment_id',
      'in',
      own.map((c) => c.id),
    )
    .execute();
  for (const c of own) {
    const d = rows.find((r) => r.comment_id === c.id && r.reason === c.statusReason);
    if (d) out.set(c.id, JSON.parse(d.evidence) as Record<string, unknown>);
  }
  return out;
}

/** Who is looking, as the thread's forms need it: a reader who may write, or why not. */
export async function writerFor(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  articleId: number,
  locale: Locale,
  reader: ReaderAccount | null,
  now = Date.now(),
): Promise<Writer> {
  if (reader) {
    const refused = participationError(reader, deps.config, now);
    const prefs = await deps.db
      .selectFrom('comment_reader_prefs')
      .select('show_flagged')
      .where('reader_id', '=', reader.id)
      .executeTakeFirst();
    return refused
      ? { kind: 'refused', message: refusalText(refused, locale) }
      : {
          kind: 'reader',
          id: reader.id,
          csrfToken: await csrfToken(request, reply, deps),
          showFlagged: prefs?.show_flagged === 1,
        };
  }
  if (request.principal?.kind === 'staff') return { kind: 'staff' };
  return { kind: 'anonymous', loginHref: `/login?next=${encodeURIComponent(`/articles/${articleId}/comments`)}` };
}

export async function threadFor(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  article: CommentArticle,
  locale: Locale,
  query: { sort?: unknown; cpage?: unknown },
): Promise<ThreadProps & { evidence: Map<number, Record<string, unknown>> }> {
  const now = Date.now();
  const reader = await getReader(request, deps);
  const sort = sortOf(query.sort);
  const thread = await readThread(deps.db, article.id, {
    sort,
    page: pageOf(query.cpage),
    viewer: reader ? { id: reader.id } : null,
  });
  const writer = await writerFor(deps, request, reply, article.id, locale, reader, now);
  const evidence = reader ? await evidenceFor(deps, thread, reader.id) : new Map();
  const { counts, mine } = await reactionCounts(deps.db, article.id, reader?.id);
  const reactions = { offered: enabledReactions(deps.config), counts, mine };
  return {
    locale,
    articleId: article.id,
    thread,
    sort,
    window: commentWindow(article, now),
    writer,
    foldAt: deps.config.commentFoldAt,
    evidence,
    reactions,
  };
}
