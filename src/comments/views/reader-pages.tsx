// The public commenter page (/readers/:nickname) and the reader's reply notifications.
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

export function NotificationsView(props: {
  locale: Locale;
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
