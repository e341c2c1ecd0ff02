// The public commenter page (/readers/:nickname), the reader's reply notifications with their
// reply e-mail choice, and the page behind the e-mail's stop link.
import { CsrfField } from '../../auth/csrf.tsx';
import { dateTime, shortDate } from '../../web/format.ts';
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { CommenterProfile } from '../commenter.ts';
import { CommentText } from './comment-text.tsx';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function CommenterView({ locale, profile }: { locale: Locale; profile: CommenterProfile }) {
  const tr = translator(locale);
  return (
    <div class="commenter">
      <h1>{tr('comments.commenter.title', { nickname: profile.nickname })}</h1>
      <dl class="commenter__figures">
        <dt>{tr('comments.commenter.joined')}</dt>
        <dd>{shortDate(locale, profile.joinedAt)}</dd>
        <dt>{tr('comments.commenter.comments')}</dt>
        <dd>{profile.comments}</dd>
        <dt>{tr('comments.commenter.likes')}</dt>
        <dd>{profile.likesReceived}</dd>
        <dt>{tr('comments.commenter.ratio')}</dt>
        <dd>{percent(profile.likeRatio30d)}</dd>
        <dt>{tr('comments.commenter.self-deletion')}</dt>
        <dd>{percent(profile.selfDeletion30d)}</dd>
      </dl>
      <h2>{tr('comments.commenter.recent')}</h2>
      <ol class="comment-list">
        {profile.recent.map((c) => (
          <li class="comment" id={`comment-${c.id}`}>
            <p class="comment__meta">
              <a href={`/articles/${c.articleId}`}>{c.headline}</a> ·{' '}
              <a href={`/comments/${c.id}`}>{dateTime(locale, c.createdAt)}</a>
            </p>
            <CommentText text={c.body} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export interface ReplyMailSetting {
  offered: boolean;
  enabled: boolean;
  verified: boolean;
  minutes: number;
  csrfToken: string;
  saved: boolean;
}

function ReplyMailForm({ locale, mail }: { locale: Locale; mail: ReplyMailSetting }) {
  const tr = translator(locale);
  return (
    <form class="notifications__mail" method="post" action="/account/notifications/mail">
      <CsrfField token={mail.csrfToken} />
      <h2 class="notifications__mail-title">{tr('comments.notifications.mail.title')}</h2>
      {mail.saved ? (
        <p class="notice" role="status">
          {tr('comments.notifications.mail.saved')}
        </p>
      ) : null}
      <p class="notifications__mail-choice">
        <input type="checkbox" id="reply-mail" name="mail" value="1" checked={mail.enabled} />
        <label for="reply-mail">{tr('comments.notifications.mail.on')}</label>
      </p>
      <p class="notifications__mail-hint" id="reply-mail-hint">
        {mail.minutes > 0
          ? tr('comments.notifications.mail.hint', { minutes: mail.minutes })
          : tr('comments.notifications.mail.hint-now')}
        {mail.verified ? null : ` ${tr('comments.notifications.mail.unverified')}`}
      </p>
      <button type="submit" class="button">
        {tr('comments.notifications.mail.save')}
      </button>
    </form>
  );
}

export function NotificationsView(props: {
  locale: Locale;
  mail: ReplyMailSetting;
  items: Array<{
    id: number;
    commentId: number;
    nickname: string | null;
    body: string;
    headline: string;
    unread: boolean;
    time: string;
  }>;
}) {
  const tr = translator(props.locale);
  return (
    <div class="notifications">
      <h1>{tr('comments.notifications.title')}</h1>
      {props.mail.offered ? <ReplyMailForm locale={props.locale} mail={props.mail} /> : null}
      {props.items.length === 0 ? (
        <p>{tr('comments.notifications.empty')}</p>
      ) : (
        <ul class="notifications__list">
          {props.items.map((n) => (
            <li class={n.unread ? 'notification notification--unread' : 'notification'}>
              <a href={`/comments/${n.commentId}`}>
                {tr('comments.notifications.reply', {
                  nickname: n.nickname ?? tr('comments.anonymous'),
                  headline: n.headline,
                })}
              </a>
              <span class="notification__time"> {n.time}</span>
              <CommentText text={n.body} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The page behind the one-click address in reply e-mail: a button, then what it did. */
export function StopReplyMailView(props: { locale: Locale; action: string; done: boolean }) {
  const tr = translator(props.locale);
  return (
    <div class="notifications">
      <h1>{tr('comments.mail.stop.title')}</h1>
      {props.done ? (
        <p role="status" data-unsubscribed="true">
          {tr('comments.mail.stop.done')}
        </p>
      ) : (
        <form method="post" action={props.action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p>{tr('comments.mail.stop.ask')}</p>
          <button type="submit" class="button">
            {tr('comments.mail.stop.button')}
          </button>
        </form>
      )}
      <p>
        <a href="/account/notifications">{tr('comments.notifications.title')}</a>
      </p>
    </div>
  );
}
