// A refusal in the reader's words: which limit and when it resets, why they may not comment, why
// the article is closed. Falls back to the error catalogue's text for anything else.
import type { AppError } from '../errors.ts';
import { dateTime } from '../web/format.ts';
import { t, type Locale } from '../web/i18n/index.ts';
import { localizedErrorMessage } from '../web/error-response.ts';
import { COMMENT_MAX_CHARS } from './text-key.ts';

export function refusalText(err: AppError, locale: Locale): string {
  const p = err.params;
  const time = (iso: unknown) =>
    typeof iso === 'string' && iso !== 'never' && !Number.isNaN(Date.parse(iso))
      ? dateTime(locale, Date.parse(iso))
      : '';
  if (err.code === 'COMMENT_LIMIT_REACHED')
    return t(locale, `comments.limit.${p.limit}`, { max: p.max ?? '', time: time(p.resets) });
  if (err.code === 'COMMENT_NOT_ALLOWED') {
    const reason = String(p.reason ?? '');
    const until = / until (\S+)$/.exec(reason)?.[1];
    if (reason.startsWith('banned'))
      return until
        ? t(locale, 'comments.refused.banned-until', { time: time(until) })
        : t(locale, 'comments.refused.banned');
    if (reason === 'own comment') return t(locale, 'comments.refused.own');
    const kind = reason.split(' ')[0];
    if (kind === 'unverified' || kind === 'suspended' || kind === 'new_account')
      return t(locale, `comments.form.not-allowed.${kind}`, { time: time(until) });
  }
  // The other windows (expired, night) are spelled out with their times above the form.
  if (err.code === 'COMMENTS_CLOSED' && p.reason === 'closed') return t(locale, 'comments.window.closed');
  if (err.code === 'VALIDATION_FAILED' && err.details?.[0]?.path === 'body') {
    return err.details[0].message === 'empty'
      ? t(locale, 'comments.refused.empty')
      : t(locale, 'comments.refused.too-long', { max: COMMENT_MAX_CHARS });
  }
  return localizedErrorMessage(err, locale) ?? err.message;
}
