// The comment thread under an article: the rule in force and the form (or why there is none),
// sorts, the comments with their replies, what the pipeline decided about the viewer's own, and
// pages. Every form works without JavaScript; static/comments.js posts them in place.
import { CsrfField } from '../../auth/csrf.tsx';
import { dateTime, isoTime } from '../../web/format.ts';
import { translator, type Locale, type Translate } from '../../web/i18n/index.ts';
import type { CommentWindow } from '../windows.ts';
import { SORTS, type Sort, type Thread, type ThreadComment } from '../thread-store.ts';
import { CommentText } from './comment-text.tsx';
import { REPORT_REASONS } from '../reports.ts';

export type Writer =
  | { kind: 'anonymous'; loginHref: string }
  /** The article page itself (rendered for everyone alike): a link to the personalised thread page. */
  | { kind: 'link'; href: string }
  | { kind: 'staff' }
  | { kind: 'refused'; message: string }
  | { kind: 'reader'; id: number; csrfToken: string; showFlagged: boolean };

export interface ThreadProps {
  locale: Locale;
  articleId: number;
  thread: Thread;
  sort: Sort;
  window: CommentWindow;
  writer: Writer;
  foldAt: number;
  notice?: string;
  reactions?: { offered: readonly string[]; counts: Record<string, number>; mine: ReadonlySet<string> };
}

function Reactions({
  locale,
  articleId,
  reactions,
  csrfToken,
}: {
  locale: Locale;
  articleId: number;
  reactions: NonNullable<ThreadProps['reactions']>;
  csrfToken?: string;
}) {
  const tr = translator(locale);
  return (
    <div class="reactions" id="reactions">
      <h3 class="reactions__title">{tr('comments.reactions.title')}</h3>
      <form class="reactions__list" method="post" action={`/articles/${articleId}/reactions`} data-reaction-form>
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        {reactions.offered.map((r) => (
          <button
            type="submit"
            name="reaction"
            value={r}
            disabled={!csrfToken}
            aria-pressed={reactions.mine.has(r) ? 'true' : 'false'}
          >
            {tr(`comments.reaction.${r}`)} <span class="reactions__count">{reactions.counts[r] ?? 0}</span>
          </button>
        ))}
      </form>
    </div>
  );
}

function ReaderControls({ locale, c, csrfToken }: { locale: Locale; c: ThreadComment; csrfToken: string }) {
  const tr = translator(locale);
  return (
    <details class="comment__more">
      <summary>{tr('comments.report')}</summary>
      <form method="post" action={`/comments/${c.id}/report`} class="comment__report">
        <CsrfField token={csrfToken} />
        <label for={`report-${c.id}`}>{tr('comments.report')}</label>
        <select id={`report-${c.id}`} name="reason">
          {REPORT_REASONS.map((r) => (
            <option value={r}>{tr(`comments.report.reason.${r}`)}</option>
          ))}
        </select>
        <button type="submit">{tr('comments.report.submit')}</button>
      </form>
      <form method="post" action={`/comments/${c.id}/fold`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{tr('comments.fold')}</button>
      </form>
      <form method="post" action={`/comments/${c.id}/hide-author`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{tr('comments.hide-author')}</button>
      </form>
    </details>
  );
}

function reasonText(tr: Translate, c: ThreadComment, evidence: Record<string, unknown> | undefined): string {
  if (!c.statusReason) return '';
  return tr(
    `comments.reason.${c.statusReason}`,
    Object.fromEntries(Object.entries(evidence ?? {}).map(([k, v]) => [k, String(v)])),
  );
}

export function WindowRule({ locale, window }: { locale: Locale; window: CommentWindow }) {
  const tr = translator(locale);
  if (!window.open) {
    const time = window.reason === 'night' ? window.opensAt : window.closedAt;
    return (
      <p class="comments__rule comments__rule--closed" role="status">
        {tr(`comments.window.${window.reason}`, {
          time: time ? dateTime(locale, time) : '',
          from: window.night?.from ?? '',
          to: window.night?.to ?? '',
        })}
      </p>
    );
  }
  const parts: string[] = [];
  if (window.closesAt) parts.push(tr('comments.window.closes', { time: dateTime(locale, window.closesAt) }));
  if (window.night) parts.push(tr('comments.window.night-rule', { from: window.night.from, to: window.night.to }));
  return parts.length ? <p class="comments__rule">{parts.join(' ')}</p> : null;
}

function CommentForm({
  locale,
  articleId,
  csrfToken,
  parentId,
}: {
  locale: Locale;
  articleId: number;
  csrfToken: string;
  parentId?: number;
}) {
  const tr = translator(locale);
  const id = parentId ? `reply-body-${parentId}` : 'comment-body';
  return (
    <form
      class={parentId ? 'comment-form comment-form--reply' : 'comment-form'}
      method="post"
      action={`/articles/${articleId}/comments`}
      data-comment-form
    >
      <CsrfField token={csrfToken} />
      {parentId ? <input type="hidden" name="parentId" value={String(parentId)} /> : null}
      <label for={id} class="comment-form__label">
        {tr(parentId ? 'comments.form.reply-label' : 'comments.form.label')}
      </label>
      <textarea
        id={id}
        name="body"
        required
        maxLength={1000}
        rows={parentId ? 2 : 3}
        placeholder={tr('comments.form.placeholder')}
      />
      <button type="submit" class="button">
        {tr(parentId ? 'comments.form.reply-submit' : 'comments.form.submit')}
      </button>
    </form>
  );
}

function VoteButtons({ locale, c, csrfToken }: { locale: Locale; c: ThreadComment; csrfToken?: string }) {
  const tr = translator(locale);
  if (!csrfToken) {
    return (
      <span class="comment__votes">
        <span>
          {tr('comments.like')} <span class="comment__likes">{c.likes}</span>
        </span>{' '}
        <span>
          {tr('comments.dislike')} <span class="comment__dislikes">{c.dislikes}</span>
        </span>
      </span>
    );
  }
  return (
    <form class="comment__votes" method="post" action={`/comments/${c.id}/vote`} data-vote-form>
      <CsrfField token={csrfToken} />
      <button type="submit" name="vote" value="like" aria-pressed={c.mine === 'like' ? 'true' : 'false'}>
        {tr('comments.like')} <span class="comment__likes">{c.likes}</span>
      </button>
      <button type="submit" name="vote" value="dislike" aria-pressed={c.mine === 'dislike' ? 'true' : 'false'}>
        {tr('comments.dislike')} <span class="comment__dislikes">{c.dislikes}</span>
      </button>
    </form>
  );
}

export function CommentItem(props: {
  locale: Locale;
  articleId: number;
  c: ThreadComment;
  writer: Writer;
  foldAt: number;
  evidence?: Map<number, Record<string, unknown>>;
  reply?: boolean;
}) {
  const { locale, c, writer } = props;
  const tr = translator(locale);
  const reader = writer.kind === 'reader' ? writer : undefined;
  const own = reader !== undefined && c.readerId === reader.id;
  if (c.status === 'deleted_author' || c.status === 'deleted_moderator') {
    return (
      <li class="comment comment--deleted" id={`comment-${c.id}`}>
        <p class="comment__text">
          {tr(c.status === 'deleted_author' ? 'comments.deleted.author' : 'comments.deleted.moderator')}
        </p>
        {c.replies.length ? <Replies {...props} /> : null}
      </li>
    );
  }
  const evidence = props.evidence?.get(c.id);
  const body = (
    <>
      <p class="comment__meta">
        <a class="comment__author" href={c.nickname ? `/readers/${encodeURIComponent(c.nickname)}` : undefined}>
          {c.nickname ?? tr('comments.anonymous')}
        </a>{' '}
        <a class="comment__time" href={`/comments/${c.id}`} title={tr('comments.permalink')}>
          <time dateTime={isoTime(c.createdAt)}>{dateTime(locale, c.createdAt)}</time>
        </a>
      </p>
      {own && c.status === 'held' ? (
        <p class="comment__status comment__status--held" role="status">
          {tr('comments.status.held', { reason: reasonText(tr, c, evidence) })}
        </p>
      ) : null}
      {own && c.status === 'rejected' ? (
        <p class="comment__status comment__status--rejected" role="status">
          {tr('comments.status.rejected', { reason: reasonText(tr, c, evidence) })}
        </p>
      ) : null}
      <CommentText text={c.body} />
      {own && (c.status === 'held' || c.status === 'rejected') ? (
        c.appealed ? (
          <p class="comment__appealed">{tr('comments.appeal.done')}</p>
        ) : (
          <form class="comment__appeal" method="post" action={`/comments/${c.id}/appeal`}>
            <CsrfField token={reader.csrfToken} />
            <label for={`appeal-${c.id}`}>{tr('comments.appeal.label')}</label>
            <input id={`appeal-${c.id}`} name="text" maxLength={500} />
            <button type="submit">{tr('comments.appeal.submit')}</button>
          </form>
        )
      ) : null}
      <div class="comment__actions">
        {c.status === 'published' ? (
          <VoteButtons locale={locale} c={c} csrfToken={reader && !own ? reader.csrfToken : undefined} />
        ) : null}
        {reader && !own && c.status === 'published' ? (
          <ReaderControls locale={locale} c={c} csrfToken={reader.csrfToken} />
        ) : null}
        {own ? (
          <form method="post" action={`/comments/${c.id}/delete`} class="comment__delete">
            <CsrfField token={reader.csrfToken} />
            <button type="submit">{tr('comments.delete')}</button>
          </form>
        ) : null}
      </div>
    </>
  );
  const folded = c.foldCount >= props.foldAt;
  const filtered = c.flagged && !own && !(reader?.showFlagged ?? false);
  return (
    <li
      class={`comment${props.reply ? ' comment--reply' : ''}`}
      id={`comment-${c.id}`}
      data-comment-id={c.id}
      data-parent-id={c.parentId ?? undefined}
    >
      {folded || filtered ? (
        <details class="comment__folded">
          <summary>{folded ? tr('comments.folded', { n: c.foldCount }) : tr('comments.filtered')}</summary>
          {body}
        </details>
      ) : (
        body
      )}
      {!props.reply ? <Replies {...props} /> : null}
    </li>
  );
}

function Replies(props: {
  locale: Locale;
  articleId: number;
  c: ThreadComment;
  writer: Writer;
  foldAt: number;
  evidence?: Map<number, Record<string, unknown>>;
}) {
  const { locale, c, writer } = props;
  const tr = translator(locale);
  const canReply = writer.kind === 'reader' && c.status === 'published';
  if (!c.replies.length && !canReply) return null;
  return (
    <div class="comment__replies">
      {c.replies.length ? (
        <ol class="comment-list comment-list--replies" aria-label={tr('comments.replies', { n: c.replyCount })}>
          {c.replies.map((r) => (
            <CommentItem {...props} c={r} reply />
          ))}
        </ol>
      ) : null}
      {canReply && writer.kind === 'reader' ? (
        <details class="comment__reply">
          <summary>{tr('comments.reply')}</summary>
          <CommentForm locale={locale} articleId={props.articleId} csrfToken={writer.csrfToken} parentId={c.id} />
        </details>
      ) : null}
    </div>
  );
}

export function CommentThread(props: ThreadProps & { evidence?: Map<number, Record<string, unknown>> }) {
  const { locale, thread, articleId, writer } = props;
  const tr = translator(locale);
  const base = `/articles/${articleId}/comments`;
  return (
    <section
      id="comments"
      class="comments"
      aria-labelledby="comments-title"
      data-comments-live={`/articles/${articleId}/comments/live`}
    >
      <h2 id="comments-title" class="section-title">
        {tr('comments.title')} <span class="comment-count__number">{thread.counts.published}</span>
      </h2>
      {thread.counts.deletedByAuthor || thread.counts.deletedByModerator ? (
        <p class="comments__deleted">
          {tr('comments.deleted-counts', {
            author: thread.counts.deletedByAuthor,
            moderator: thread.counts.deletedByModerator,
          })}
        </p>
      ) : null}
      {props.reactions?.offered.length ? (
        <Reactions
          locale={locale}
          articleId={articleId}
          reactions={props.reactions}
          csrfToken={writer.kind === 'reader' ? writer.csrfToken : undefined}
        />
      ) : null}
      <WindowRule locale={locale} window={props.window} />
      {props.notice ? (
        <p class="comments__notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {!props.window.open ? null : writer.kind === 'reader' ? (
        <CommentForm locale={locale} articleId={articleId} csrfToken={writer.csrfToken} />
      ) : writer.kind === 'anonymous' ? (
        <p class="comments__sign-in">
          {tr('comments.form.sign-in')} <a href={writer.loginHref}>{tr('comments.form.sign-in-link')}</a>
        </p>
      ) : writer.kind === 'link' ? (
        <p class="comments__write">
          <a class="button" href={writer.href}>
            {tr('comments.form.label')}
          </a>
        </p>
      ) : writer.kind === 'refused' ? (
        <p class="comments__sign-in">{writer.message}</p>
      ) : (
        <p class="comments__sign-in">{tr('comments.form.staff')}</p>
      )}
      {writer.kind === 'reader' ? (
        <form class="comments__filter" method="post" action="/comments/preferences">
          <CsrfField token={writer.csrfToken} />
          <input type="hidden" name="back" value={base} />
          <input type="hidden" name="showFlagged" value={writer.showFlagged ? '0' : '1'} />
          <button type="submit">{tr(writer.showFlagged ? 'comments.filter.hide' : 'comments.filter.show')}</button>
        </form>
      ) : null}
      <nav class="comments__sorts" aria-label={tr('comments.sort.label')}>
        {SORTS.map((s) => (
          <a href={`${base}?sort=${s}#comments`} aria-current={s === props.sort ? 'true' : undefined}>
            {tr(`comments.sort.${s}`)}
          </a>
        ))}
      </nav>
      <p class="comments__live" hidden data-live-notice>
        <a href={`${base}?sort=newest#comments`}>{tr('comments.live.new')}</a>
      </p>
      <p class="visually-hidden" aria-live="polite" data-live-count data-template={tr('comments.live.arrived')} />
      {thread.comments.length === 0 ? (
        <p class="comments__empty">{tr('comments.empty')}</p>
      ) : (
        <ol class="comment-list">
          {thread.comments.map((c) => (
            <CommentItem
              locale={locale}
              articleId={articleId}
              c={c}
              writer={writer}
              foldAt={props.foldAt}
              evidence={props.evidence}
            />
          ))}
        </ol>
      )}
      {thread.pages > 1 ? (
        <nav class="comments__pages" aria-label={tr('comments.pages')}>
          {Array.from({ length: Math.min(thread.pages, 50) }, (_, i) => i + 1).map((n) => (
            <a
              href={`${base}?sort=${props.sort}&cpage=${n}#comments`}
              aria-current={n === thread.page ? 'page' : undefined}
            >
              {tr('comments.page', { n })}
            </a>
          ))}
        </nav>
      ) : null}
    </section>
  );
}
