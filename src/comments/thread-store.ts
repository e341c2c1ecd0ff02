// Reading a thread: one page of top-level comments in the chosen order, their replies, the
// viewer's own votes and pending comments, and the counts the thread's head shows.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CommentStatus } from './tables.ts';

export const SORTS = ['popular', 'newest', 'oldest', 'ratio', 'replies'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
/** Replies shown under one comment on the thread; the permalink shows the rest. */
export const REPLIES_SHOWN = 50;

export interface ThreadComment {
  id: number;
  parentId: number | null;
  readerId: number | null;
  nickname: string | null;
  body: string;
  status: CommentStatus;
  statusPhase: string | null;
  statusReason: string | null;
  flagged: boolean;
  likes: number;
  dislikes: number;
  replyCount: number;
  foldCount: number;
  appealed: boolean;
  createdAt: number;
  mine: 'like' | 'dislike' | null;
  replies: ThreadComment[];
}

export interface ThreadCounts {
  published: number;
  deletedByAuthor: number;
  deletedByModerator: number;
}

export interface Thread {
  comments: ThreadComment[];
  counts: ThreadCounts;
  topLevel: number;
  page: number;
  pages: number;
}

export interface Viewer {
  id: number;
}

function visibleTo(viewer: Viewer | null) {
  // Published; deleted ones only when they carry replies; the viewer's own held and rejected ones.
  return sql<boolean>`(c.status = 'published' or (c.status in ('deleted_author', 'deleted_moderator') and c.reply_count > 0)${
    viewer ? sql` or (c.reader_id = ${viewer.id} and c.status in ('held', 'rejected'))` : sql``
  })`;
}

const COLUMNS = [
  'c.id',
  'c.parent_id',
  'c.reader_id',
  'r.nickname',
  'c.body',
  'c.status',
  'c.status_phase',
  'c.status_reason',
  'c.flagged',
  'c.likes',
  'c.dislikes',
  'c.reply_count',
  'c.fold_count',
  'c.appealed_at',
  'c.created_at',
] as const;

type Row = {
  id: number;
  parent_id: number | null;
  reader_id: number | null;
  nickname: string | null;
  body: string;
  status: CommentStatus;
  status_phase: string | null;
  status_reason: string | null;
  flagged: number;
  likes: number;
  dislikes: number;
  reply_count: number;
  fold_count: number;
  appealed_at: number | null;
  created_at: number;
};

function toComment(r: Row): ThreadComment {
  return {
    id: r.id,
    parentId: r.parent_id,
    readerId: r.reader_id,
    nickname: r.nickname,
    body: r.body,
    status: r.status,
    statusPhase: r.status_phase,
    statusReason: r.status_reason,
    flagged: Number(r.flagged) === 1,
    likes: Number(r.likes),
    dislikes: Number(r.dislikes),
    replyCount: Number(r.reply_count),
    foldCount: Number(r.fold_count),
    appealed: r.appealed_at !== null,
    createdAt: Number(r.created_at),
    mine: null,
    replies: [],
  };
}

export async function threadCounts(db: Db, articleId: number): Promise<ThreadCounts> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', '=', articleId)
    .where('status', 'in', ['published', 'deleted_author', 'deleted_moderator'])
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return {
    published: n('published'),
    deletedByAuthor: n('deleted_author'),
    deletedByModerator: n('deleted_moderator'),
  };
}

export async function readThread(
  db: Db,
  articleId: number,
  opts: { sort: Sort; page: number; viewer: Viewer | null },
): Promise<Thread> {
  const { viewer } = opts;
  const topLevel = db
    .selectFrom('comments as c')
    .where('c.article_id', '=', articleId)
    .where('c.parent_id', 'is', null)
    .where(visibleTo(viewer));
  // Counted without the nickname join: an index-only scan of comments_thread.
  const total = Number((await topLevel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pages);
  let q = topLevel.leftJoin('readers as r', 'r.id', 'c.reader_id').select(COLUMNS);
  if (viewer) {
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('comment_hidden_authors as h')
            .select('h.author_id')
            .where('h.reader_id', '=', viewer.id)
            .whereRef('h.author_id', '=', 'c.reader_id'),
        ),
      ),
    );
  }
  // Exactly the expression of the comments_top_ratio index (migration 0019), so the sort walks it.
  const ratio = sql`case when c.likes + c.dislikes = 0 then 0 else c.likes * 1.0 / (c.likes + c.dislikes) end`;
  // Newest and oldest name parent_id (null throughout) first: it is how PostgreSQL sees that
  // comments_thread (article_id, parent_id, id, …) is already in this order.
  const ordered =
    opts.sort === 'newest'
      ? q.orderBy('c.parent_id', 'desc').orderBy('c.id', 'desc')
      : opts.sort === 'oldest'
        ? q.orderBy('c.parent_id', 'asc').orderBy('c.id', 'asc')
        : opts.sort === 'ratio'
          ? q.orderBy(ratio, 'desc').orderBy('c.likes', 'desc').orderBy('c.id', 'desc')
          : opts.sort === 'replies'
            ? q.orderBy('c.reply_count', 'desc').orderBy('c.id', 'desc')
            : q.orderBy('c.wilson', 'desc').orderBy('c.likes', 'desc').orderBy('c.id', 'desc');
  const top = (
    (await ordered
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute()) as Row[]
  ).map(toComment);
  const ids = top.map((c) => c.id);
  if (ids.length) {
    const byId = new Map(top.map((c) => [c.id, c]));
    // Anonymous viewers see published replies only, which reply_count counts: skip the parents
    // without any (a reader may also see their own held replies, so theirs are all read).
    const parents = viewer ? ids : top.filter((c) => c.replyCount > 0).map((c) => c.id);
    if (parents.length)
      for (const r of await firstReplies(db, parents, viewer)) byId.get(r.parent_id!)?.replies.push(toComment(r));
    if (viewer) await attachVotes(db, viewer.id, [...top, ...top.flatMap((c) => c.replies)]);
  }
  return { comments: top, counts: await threadCounts(db, articleId), topLevel: total, page, pages };
}

/**
 * The first REPLIES_SHOWN visible replies of each parent, oldest first: one query, one bounded
 * walk of comments_replies per parent, so a comment with 10,000 replies costs what one with 50 does.
 */
async function firstReplies(db: Db, parentIds: number[], viewer: Viewer | null): Promise<Row[]> {
  const [first, ...rest] = parentIds.map((parentId) =>
    db
      .selectFrom(
        db
          .selectFrom('comments as c')
          .leftJoin('readers as r', 'r.id', 'c.reader_id')
          .select(COLUMNS)
          .where('c.parent_id', '=', parentId)
          .where(visibleTo(viewer))
          .orderBy('c.id', 'asc')
          .limit(REPLIES_SHOWN)
          .as('x'),
      )
      .selectAll(),
  );
  let q = first!;
  for (const next of rest) q = q.unionAll(next);
  // A union's order is not promised: put each parent's replies back in id order.
  return ((await q.execute()) as Row[]).sort((a, b) => a.id - b.id);
}

async function attachVotes(db: Db, readerId: number, comments: ThreadComment[]): Promise<void> {
  if (!comments.length) return;
  const votes = await db
    .selectFrom('comment_votes')
    .select(['comment_id', 'value'])
    .where('reader_id', '=', readerId)
    .where(
      'comment_id',
      'in',
      comments.map((c) => c.id),
    )
    .execute();
  const byId = new Map(votes.map((v) => [v.comment_id, v.value]));
  for (const c of comments) {
    const v = byId.get(c.id);
    c.mine = v === 1 ? 'like' : v === -1 ? 'dislike' : null;
  }
}

/** One comment with its replies (the permalink), as the viewer may see it. */
export async function readComment(
  db: Db,
  id: number,
  viewer: Viewer | null,
): Promise<(ThreadComment & { articleId: number }) | undefined> {
  const row = (await db
    .selectFrom('comments as c')
    .leftJoin('readers as r', 'r.id', 'c.reader_id')
    .select([...COLUMNS, 'c.article_id'])
    .where('c.id', '=', id)
    .where(visibleTo(viewer))
    .executeTakeFirst()) as (Row & { article_id: number }) | undefined;
  if (!row) return undefined;
  const c = { ...toComment(row), articleId: row.article_id };
  const replies = (await db
    .selectFrom('comments as c')
    .leftJoin('readers as r', 'r.id', 'c.reader_id')
    .select(COLUMNS)
    .where('c.parent_id', '=', id)
    .where(visibleTo(viewer))
    .orderBy('c.id', 'asc')
    .limit(1000)
    .execute()) as Row[];
  c.replies = replies.map(toComment);
  if (viewer) await attachVotes(db, viewer.id, [c, ...c.replies]);
  return c;
}
