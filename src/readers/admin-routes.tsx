// /studio/readers (admins): find a reader, see the account's state, suspend or restore it.
import type { FastifyInstance } from 'fastify';
import { requireStaff, sendStaffPage } from '../accounts/index.ts';
import { CsrfField, verifyCsrf } from '../auth/csrf.tsx';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { dateTime } from '../web/format.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { findReaders, setSuspension, type ReaderSummary } from './admin.ts';
import { StaffTable } from '../web/components/staff-table.tsx';

function ReadersPanel({
  locale,
  query,
  readers,
  csrfToken,
  notice,
}: {
  locale: Locale;
  query: string;
  readers: ReaderSummary[];
  csrfToken: string;
  notice?: string;
}) {
  const tr = translator(locale);
  return (
    <section class="readers-admin" aria-labelledby="readers-admin-title">
      <h1 id="readers-admin-title">{tr('readers.admin.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {tr(`readers.admin.notice.${notice}`)}
        </p>
      ) : null}
      <form method="get" action="/studio/readers" role="search" aria-label={tr('readers.admin.title')}>
        <label for="readers-q">{tr('readers.admin.search')}</label>{' '}
        <input id="readers-q" name="q" type="search" value={query} maxLength={100} />{' '}
        <button type="submit">{tr('readers.admin.find')}</button>
      </form>
      {readers.length === 0 ? (
        <p>{tr('readers.admin.none')}</p>
      ) : (
        <StaffTable
          columns={[
            tr('readers.field.nickname'),
            tr('readers.field.email'),
            tr('readers.admin.joined'),
            tr('readers.admin.state'),
            tr('readers.admin.sign-in'),
            tr('readers.admin.sessions'),
            tr('readers.account.actions'),
          ]}
        >
          {readers.map((r) => (
            <tr>
              <th scope="row">{r.nickname}</th>
              <td>{r.email}</td>
              <td>{dateTime(locale, r.createdAt)}</td>
              <td>
                {r.suspendedAt !== null
                  ? `${tr('readers.admin.suspended', { date: dateTime(locale, r.suspendedAt) })}${r.suspendedReason ? ` (${r.suspendedReason})` : ''}`
                  : tr(r.emailVerified ? 'readers.admin.verified' : 'readers.admin.unverified')}
              </td>
              <td>
                {[r.passwordSignIn ? tr('readers.admin.password') : '', r.identities ? tr('readers.admin.oidc') : '']
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td class="studio-table__num">{r.sessions}</td>
              <td>
                <form method="post" action={`/studio/readers/${r.id}/suspension`}>
                  <CsrfField token={csrfToken} />
                  {r.suspendedAt === null ? (
                    <>
                      <input type="hidden" name="action" value="suspend" />
                      <label for={`reason-${r.id}`} class="visually-hidden">
                        {tr('readers.admin.reason')}
                      </label>
                      <input
                        id={`reason-${r.id}`}
                        name="reason"
                        maxLength={500}
                        placeholder={tr('readers.admin.reason')}
                      />{' '}
                      <button type="submit" class="button button--danger">
                        {tr('readers.admin.suspend')}
                      </button>
                    </>
                  ) : (
                    <>
                      <input type="hidden" name="action" value="restore" />
                      <button type="submit">{tr('readers.admin.restore')}</button>
                    </>
                  )}
                </form>
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
    </section>
  );
}

export async function adminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const admins = requireStaff(deps, ['admin']);

  app.get<{ Querystring: { q?: string; notice?: string } }>(
    '/studio/readers',
    { preHandler: admins },
    async (request, reply) => {
      const staff = request.staff!;
      const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
      const readers = await findReaders(deps.db, query);
      const notice =
        request.query.notice === 'suspend' || request.query.notice === 'restore' ? request.query.notice : undefined;
      return sendStaffPage(request, reply, deps, (locale) => ({
        title: translator(locale)('readers.admin.title'),
        body: (
          <ReadersPanel locale={locale} query={query} readers={readers} csrfToken={staff.csrfToken} notice={notice} />
        ),
      }));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/studio/readers/:id/suspension',
    { preHandler: [admins, verifyCsrf(deps)] },
    async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) throw Errors.notFound('reader');
      await setSuspension(deps.db, id, request.body);
      request.log.info(
        { readerId: id, by: request.staff?.userId, action: (request.body as { action?: string })?.action },
        'reader suspension changed',
      );
      return reply.redirect(`/studio/readers?notice=${(request.body as { action: string }).action}`, 303);
    },
  );
}
