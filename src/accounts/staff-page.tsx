// Staff pages (sign-in, studio) inside the site's layout, with a bar naming who is signed in and
// a sign-out button. Never indexed, never cached.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../deps.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { cachedNav, siteOf } from '../web/site-frame.ts';
import { Layout } from '../web/layout.tsx';
import { pageLocale } from '../web/locale.ts';
import { renderDocument } from '../web/render.ts';
import { CsrfField } from '../auth/csrf.tsx';
import type { StaffNavEntry } from '../capability.ts';
import { currentStaff } from './guards.ts';
import type { Staff } from './staff.ts';

/** The staff bar's entries this staff member may open, as the capabilities declared them. */
function staffLinks(
  entries: readonly StaffNavEntry[],
  staff: Staff,
): Array<{ href: string; key: string; matches: readonly string[] }> {
  return entries
    .filter((e) => !e.roles || e.roles.includes(staff.role))
    .map((e) => ({ href: e.href, key: e.labelByRole?.[staff.role] ?? e.label, matches: e.matches ?? [`${e.href}/`] }));
}

function isCurrent(link: { href: string; matches: readonly string[] }, path: string): boolean {
  return path === link.href || link.matches.some((prefix) => path.startsWith(prefix));
}

function StaffBar({
  locale,
  staff,
  path,
  nav,
}: {
  locale: Locale;
  staff: Staff;
  path: string;
  nav: readonly StaffNavEntry[];
}) {
  const tr = translator(locale);
  return (
    <div class="staff-bar">
      <nav class="staff-bar__nav" aria-label={tr('studio.nav')}>
        <span class="staff-bar__title" aria-hidden="true">
          {tr('studio.nav')}
        </span>
        <ul>
          {staffLinks(nav, staff).map((l) => (
            <li>
              <a href={l.href} aria-current={isCurrent(l, path) ? 'page' : undefined}>
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
  deps: Pick<AppDeps, 'config' | 'registry'>,
  build: (locale: Locale) => StaffPage,
): FastifyReply {
  const locale = pageLocale(request, reply);
  const page = build(locale);
  const [path = '/', search = ''] = request.url.split('?');
  // The language switch keeps the rest of the query (a list's ?page=2), minus the old ?lang.
  const query = new URLSearchParams(search);
  query.delete('lang');
  const pathWithQuery = query.size ? `${path}?${query}` : path;
  const staff = currentStaff(request);
  const html = renderDocument(
    <Layout
      locale={locale}
      siteName={deps.config.siteName}
      meta={{ title: page.title, canonical: `${deps.config.publicUrl}${path}`, robots: 'noindex, nofollow' }}
      categories={cachedNav(request, locale)}
      breaking={siteOf(request).frame.breaking?.()}
      stylesheets={siteOf(request).stylesheets}
      path={pathWithQuery}
      staffSignedIn={staff !== null}
    >
      {staff ? <StaffBar locale={locale} staff={staff} path={path} nav={deps.registry.staffNav} /> : null}
      {page.body}
    </Layout>,
  );
  return reply
    .status(page.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
