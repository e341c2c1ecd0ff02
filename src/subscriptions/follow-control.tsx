// The follow control every followable page shows (src/capability.ts `followControl`): a plain
// form posting to /subscriptions (works without JavaScript, CSRF-checked). Signed out, it is a
// link to the sign-in form that comes back to this page.
import type { FollowSlot, FollowTarget } from '../capability.ts';
import { CsrfField } from '../auth/csrf.tsx';
import { getReader } from '../readers/index.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { findSubscription } from './store.ts';
import { HidePressForm } from './views.tsx';

export function FollowControl(props: {
  locale: Locale;
  target: FollowTarget;
  next: string;
  reader: { csrfToken: string; subscriptionId: number | undefined } | null;
}) {
  const { target, next } = props;
  const tr = translator(props.locale);
  const label = tr(`subscriptions.follow.${target.kind}`, { name: target.name });
  if (!props.reader) {
    return (
      <div class="subscribe" data-follow={target.kind}>
        <a class="button button--subscribe" href={`/login?next=${encodeURIComponent(next)}`}>
          <span aria-hidden="true">＋ </span>
          {label}
        </a>
        <p class="subscribe__note">{tr('subscriptions.follow.sign-in')}</p>
      </div>
    );
  }
  const { subscriptionId, csrfToken } = props.reader;
  const hide =
    target.kind === 'press' ? (
      <HidePressForm locale={props.locale} csrfToken={csrfToken} pressId={target.id} name={target.name} next={next} />
    ) : null;
  if (subscriptionId !== undefined) {
    return (
      <div class="subscribe-group">
        <form
          class="subscribe"
          method="post"
          action={`/subscriptions/${subscriptionId}/delete`}
          data-follow={target.kind}
        >
          <CsrfField token={csrfToken} />
          <input type="hidden" name="next" value={next} />
          <button
            type="submit"
            class="button button--subscribed"
            aria-label={tr('subscriptions.follow.stop', { name: target.name })}
          >
            <span aria-hidden="true">✓ </span>
            {tr('subscriptions.follow.following')}
          </button>
          <p class="subscribe__note">
            <a href="/my">{tr('subscriptions.follow.see-my')}</a>
          </p>
        </form>
        {hide}
      </div>
    );
  }
  return (
    <div class="subscribe-group">
      <form class="subscribe" method="post" action="/subscriptions" data-follow={target.kind}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="kind" value={target.kind} />
        <input type="hidden" name="target" value={String(target.id)} />
        <input type="hidden" name="next" value={next} />
        <button type="submit" class="button button--subscribe">
          <span aria-hidden="true">＋ </span>
          {label}
        </button>
      </form>
      {hide}
    </div>
  );
}

export const followControlSlot: FollowSlot = async (deps, target, request, page) => {
  const reader = await getReader(request, deps);
  const subscriptionId = reader
    ? await findSubscription(deps.db, reader.id, target.kind, String(target.id))
    : undefined;
  return (
    <FollowControl
      locale={page.locale}
      target={target}
      next={page.path}
      reader={reader ? { csrfToken: reader.csrfToken, subscriptionId } : null}
    />
  ) as never;
};
