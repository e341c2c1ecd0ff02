// /studio/outbox over HTTP on SQLite and PostgreSQL: admins only, the list with states, one
// message with its text part and .eml source, and "send again" for an uncertain message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import { addStaff, form, sessionCsrf, signIn, staffTestApp, type StaffTestApp } from '../../test/helpers/staff.ts';
import { JobWorker } from '../jobs/worker.ts';
import { MAIL_JOB, enqueueMail } from './enqueue.ts';
import { outboxFileName } from './outbox-transport.ts';
import { emailChangedTemplate } from './reader-templates.ts';
import { findMail } from './store.ts';
import { buildMail } from './template.tsx';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(dialect: 'sqlite' | 'postgres'): Promise<{ t: StaffTestApp; dir: string; worker: JobWorker }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-outbox-routes-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const t = await staffTestApp(dialect, { outboxDir: dir, smtpUrl: '' });
  cleanups.push(() => t.close());
  await addStaff(t.deps, 'admin@example.com', 'admin');
  await addStaff(t.deps, 'editor@example.com', 'editor');
  return { t, dir, worker: new JobWorker(t.deps) };
}

async function enqueueNotice(t: StaffTestApp, key: string, lang: 'ko' | 'en' = 'ko') {
  const message = buildMail(
    t.deps.config,
    emailChangedTemplate,
    {
      site: '소식',
      name: '<i>도윤</i>',
      newEmail: 'new@example.com',
      time: '12월 1일 09:00',
      securityUrl: 'http://localhost:3000/account/security',
    },
    { to: 'old@example.com', lang, key },
  );
  return (await enqueueMail(t.deps.db, message)).id;
}

describe.each(await testDialects())('/studio/outbox on %s', (dialect) => {
  it('is for admins only', async () => {
    const { t } = await setup(dialect);
    const anonymous = await t.app.inject({ method: 'GET', url: '/studio/outbox' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fstudio%2Foutbox');
    const editor = await signIn(t.app, 'editor@example.com');
    expect((await t.app.inject({ method: 'GET', url: '/studio/outbox', headers: { cookie: editor } })).statusCode).toBe(
      403,
    );
    const id = await enqueueNotice(t, 'email-changed:user:1:1');
    expect(
      (await t.app.inject({ method: 'GET', url: `/studio/outbox/${id}/eml`, headers: { cookie: editor } })).statusCode,
    ).toBe(403);
  });

  it('lists messages with their state and shows one with its text part and .eml source', async () => {
    const { t, dir, worker } = await setup(dialect);
    const id = await enqueueNotice(t, 'email-changed:user:2:1');
    await worker.drain();
    const cookie = await signIn(t.app, 'admin@example.com');

    const list = await t.app.inject({ method: 'GET', url: '/studio/outbox', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('메일 서버가 설정되지 않아');
    expect(list.body).toContain(`href="/studio/outbox/${id}"`);
    expect(list.body).toContain('[소식] 계정 이메일 주소가 바뀌었습니다');
    expect(list.body).toMatch(new RegExp(`data-mail-id="${id}" data-state="sent"`));
    expect(list.body).toContain('href="/studio/outbox" aria-current="page"');

    const view = await t.app.inject({ method: 'GET', url: `/studio/outbox/${id}?lang=en`, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Text part');
    expect(view.body).toContain('&lt;i>도윤&lt;/i>님, 안녕하세요.'); // escaped in the page as in the mail
    const row = await findMail(t.deps.db, id);
    expect(view.body).toContain(row!.message_id.replace('<', '&lt;'));
    expect(view.body).not.toContain('/resend'); // sent: nothing to send again

    const eml = await t.app.inject({ method: 'GET', url: `/studio/outbox/${id}/eml`, headers: { cookie } });
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toBe('message/rfc822');
    expect(eml.body).toBe(fs.readFileSync(path.join(dir, outboxFileName('email-changed:user:2:1')), 'utf8'));

    const html = await t.app.inject({ method: 'GET', url: `/studio/outbox/${id}/html`, headers: { cookie } });
    expect(html.body).toContain('<html lang="ko">');
    expect(html.headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
    );
  });

  it('calls out an uncertain message and lets an admin send it again, once', async () => {
    const { t, dir, worker } = await setup(dialect);
    const id = await enqueueNotice(t, 'email-changed:user:3:1', 'en');
    // The state a crash after the server's 250 leaves (see crash.test.ts).
    await t.deps.db.updateTable('mail_messages').set({ state: 'uncertain' }).where('id', '=', id).execute();
    await t.deps.db.updateTable('jobs').set({ status: 'done' }).execute();
    const cookie = await signIn(t.app, 'admin@example.com');

    const list = await t.app.inject({ method: 'GET', url: '/studio/outbox?lang=en', headers: { cookie } });
    expect(list.body).toContain('1 message(s) may or may not have been delivered');
    const view = await t.app.inject({ method: 'GET', url: `/studio/outbox/${id}?lang=en`, headers: { cookie } });
    expect(view.body).toContain('It is not resent automatically');
    expect(view.body).toContain(`action="/studio/outbox/${id}/resend"`);

    const forged = await t.app.inject({ method: 'POST', url: `/studio/outbox/${id}/resend`, headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect((await findMail(t.deps.db, id))?.state).toBe('uncertain');

    const csrf = await sessionCsrf(t.app, cookie);
    const body = form({ _csrf: csrf });
    const res = await t.app.inject({
      method: 'POST',
      url: `/studio/outbox/${id}/resend`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/studio/outbox/${id}`);
    expect(await findMail(t.deps.db, id)).toMatchObject({ state: 'pending', attempts: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: `/studio/outbox/${id}/resend`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(again.statusCode).toBe(409);

    await worker.drain();
    expect(await findMail(t.deps.db, id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(fs.readdirSync(dir)).toEqual([outboxFileName('email-changed:user:3:1')]);
    const jobs = await t.deps.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', MAIL_JOB)
      .orderBy('id')
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('answers 404 for a message that does not exist and 422 for a bad page', async () => {
    const { t } = await setup(dialect);
    const cookie = await signIn(t.app, 'admin@example.com');
    expect((await t.app.inject({ method: 'GET', url: '/studio/outbox/999', headers: { cookie } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/studio/outbox/abc', headers: { cookie } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/studio/outbox?page=0', headers: { cookie } })).statusCode).toBe(
      422,
    );
  });
});
