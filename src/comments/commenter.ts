// The public commenter page's figures: joined, comments, likes received, recent comments, and
// over the last 30 days the like ratio and how often they deleted their own comments.
import type { Db } from '../db/database.ts';

export interface CommenterProfile {
  id: number;
  nickname: string;
  joinedAt: number;
  comments: number;
  likesReceived: number;
  likeRatio30d: number | null;
  selfDeletion30d: number | null;
  recent: Array<{ id: number; articleId: number; headline: string; body: string; createdAt: number; likes: number }>;
}

export async function commenterProfile(
  db: Db,
  nickname: string,
  now = Date.now(),
): Promise<CommenterProfile | undefined> {
  const reader = await db
    .selectFrom('readers')
    .select(['id', 'nickname', 'created_at'])
    .where('nickname', '=', nickname.normalize('NFKC'))
    .executeTakeFirst();
  if (!reader) return undefined;
  const totals = await db
    .selectFrom('comments')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('likes').as('likes')])
    .where('reader_id', '=', reader.id)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const since = now - 30 * 86_400_000;
  const month = await db
    .selectFrom('comments')
    .select(['status', 'likes', 'dislikes'])
    .where('reader_id', '=', reader.id)
    .where('created_at', '>=', since)
    .where('status', 'in', ['published', 'deleted_author'])
    .execute();
  const likes = month.reduce((s, c) => s + Number(c.likes), 0);
  const votes = month.reduce((s, c) => s + Number(c.likes) + Number(c.dislikes), 0);
  const recent = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.id', 'c.article_id', 'a.headline', 'c.body', 'c.created_at', 'c.likes'])
    .where('c.reader_id', '=', reader.id)
    .where('c.status', '=', 'published')
    .orderBy('c.id', 'desc')
    .limit(20)
    .execute();
  return {
    id: reader.id,
    nickname: reader.nickname,
    joinedAt: Number(reader.created_at),
    comments: Number(totals.n),
    likesReceived: Number(totals.likes ?? 0),
    likeRatio30d: votes ? likes / votes : null,
    selfDeletion30d: month.length ? month.filter((c) => c.status === 'deleted_author').length / month.length : null,
    recent: recent.map((c) => ({
      id: c.id,
      articleId: c.article_id,
      headline: c.headline,
      body: c.body,
      createdAt: Number(c.created_at),
      likes: Number(c.likes),
    })),
  };
}
