// Staff pages (sign-in, studio) inside the site's layout, with a bar naming who is signed in and
// a sign-out button. Never indexed, never cached.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../deps.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { Layout } from '../web/layout.tsx';
import { pageLocale } from '../web/locale.ts';
import { renderDocument } from '../web/render.ts';
import { CsrfField } from './csrf.tsx';
import type { Staff } from './sessions.ts';

function StaffBar({ locale, staff }: { locale: Locale; staff: Staff }) {
  const tr = translator(locale);
  return (
    <nav class="staff-bar" aria-label={tr('studio.nav')}>
      <a href="/studio">{tr('studio.nav')}</a>
      <span class="staff-bar__who">
        {tr('accounts.signedInAs', { name: staff.displayName ?? staff.email })} · {tr(`accounts.role.${staff.role}`)}
        {staff.press ? ` · ${staff.press.name}` : ''}
      </span>
      <form method="post" action="/logout" class="staff-bar__logout">
        <CsrfField token={staff.csrfToken} />
        <button type="submit">{tr('accounts.logout')}</button>
      </form>
    </nav>
  );
}

export interface StaffPage {
  title: string;
  status?: number;
  body: ComponentChildren;
}

/** Sends a staff page; `build` receives the locale chosen for this request. */
export function sendStaffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'config'>,
  build: (locale: Locale) => StaffPage,
): FastifyReply {
  const locale = pageLocale(request, reply);
  const page = build(locale);
  const path = request.url.split('?')[0] ?? '/';
  const staff = request.staff ?? null;
  const html = renderDocument(
    <Layout
      locale={locale}
      siteName={deps.config.siteName}
      meta={{ title: page.title, canonical: `${deps.config.publicUrl}${path}`, robots: 'noindex, nofollow' }}
      categories={[]}
      path={path}
    >
      {staff ? <StaffBar locale={locale} staff={staff} /> : null}
      {page.body}
    </Layout>,
  );
  return reply
    .status(page.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
