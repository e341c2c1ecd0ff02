// Staff pages (sign-in, studio) inside the site's layout, with a bar naming who is signed in and
// a sign-out button. Never indexed, never cached.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../deps.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { snapshotNavCategories } from '../web/error-pages.tsx';
import { Layout } from '../web/layout.tsx';
import { pageLocale } from '../web/locale.ts';
import { renderDocument } from '../web/render.ts';
import { CsrfField } from './csrf.tsx';
import type { Staff } from './sessions.ts';

/** Staff areas reachable from the bar; feeds are for admins and press staff (see feeds/studio). */
function staffLinks(staff: Staff): Array<{ href: string; key: string }> {
  const links = [{ href: '/studio', key: staff.role === 'press' ? 'studio.nav.articles' : 'studio.nav.presses' }];
  if (staff.role !== 'editor') links.push({ href: '/studio/feeds', key: 'studio.nav.feeds' });
  if (staff.role === 'admin') links.push({ href: '/studio/outbox', key: 'mail.outbox.nav' });
  return links;
}

function isCurrent(href: string, path: string): boolean {
  if (href === '/studio') return path === '/studio' || path.startsWith('/studio/presses') || path.startsWith('/studio/articles');
  return path === href || path.startsWith(`${href}/`);
}

function StaffBar({ locale, staff, path }: { locale: Locale; staff: Staff; path: string }) {
  const tr = translator(locale);
  return (
    <div class="staff-bar">
      <nav class="staff-bar__nav" aria-label={tr('studio.nav')}>
        <span class="staff-bar__title" aria-hidden="true">
          {tr('studio.nav')}
        </span>
        <ul>
          {staffLinks(staff).map((l) => (
            <li>
              <a href={l.href} aria-current={isCurrent(l.href, path) ? 'page' : undefined}>
                {tr(l.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="staff-bar__who">
        {tr('accounts.signedInAs', { name: staff.displayName ?? staff.email })} · {tr(`accounts.role.${staff.role}`)}
        {staff.press ? ` · ${staff.press.name}` : ''}
      </p>
      <form method="post" action="/logout" class="staff-bar__logout">
        <CsrfField token={staff.csrfToken} />
        <button type="submit" class="staff-bar__button">
          {tr('accounts.logout')}
        </button>
      </form>
    </div>
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
  const [path = '/', search = ''] = request.url.split('?');
  // The language switch keeps the rest of the query (a list's ?page=2), minus the old ?lang.
  const query = new URLSearchParams(search);
  query.delete('lang');
  const pathWithQuery = query.size ? `${path}?${query}` : path;
  const staff = request.staff ?? null;
  const html = renderDocument(
    <Layout
      locale={locale}
      siteName={deps.config.siteName}
      meta={{ title: page.title, canonical: `${deps.config.publicUrl}${path}`, robots: 'noindex, nofollow' }}
      categories={snapshotNavCategories(locale)}
      path={pathWithQuery}
      staffSignedIn={staff !== null}
    >
      {staff ? <StaffBar locale={locale} staff={staff} path={path} /> : null}
      {page.body}
    </Layout>,
  );
  return reply
    .status(page.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
