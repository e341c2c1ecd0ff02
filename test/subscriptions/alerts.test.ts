// Immediate e-mail for chosen subscriptions, through the real mail path to a real local SMTP
// server: one message per reader and article however often the job runs, with RFC 8058 one-click
// unsubscribe that stops the next one. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addPress } from '../helpers/news.ts';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import {
  csrfOf,
  readerByEmail,
  readersTestApp,
  signInVia,
  signUpVia,
  TestBrowser,
} from '../../src/readers/test-support.ts';
import { sendAlerts } from '../../src/subscriptions/alerts.ts';

describe.each(await testDialects())('subscription e-mail (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let hanbit: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await readersTestApp(dialect, { smtpUrl: smtp.url });
    hanbit = await addPress(t.deps, 'hanbit', '한빛일보');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function verifiedReader(email: string, nickname: string, ip: string) {
    const signUp = await signUpVia(new TestBrowser(t.app, ip), { email, nickname });
    expect(
      signUp.statusCode,
      signUp.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(-900),
    ).toBe(303);
    const id = (await readerByEmail(t, email))!.id;
    await t.deps.db.updateTable('readers').set({ email_verified_at: Date.now() }).where('id', '=', id).execute();
    const browser = new TestBrowser(t.app, ip);
    expect((await signInVia(browser, email)).statusCode).toBe(303);
    return { id, browser };
  }

  // Subscription mail only (the sign-up's address check goes to the same server).
  const alertsTo = (to: string) =>
    smtp.received
      .filter((m) => m.to.includes(to))
      .map((m) => parseComposedMail(m.raw))
      .filter((m) => m.headers.has('list-unsubscribe'));

  it('sends once per reader and article, with a one-click unsubscribe that works', async () => {
    const { id, browser } = await verifiedReader('alert@example.kr', '알림독자', '10.70.0.1');
    const manage = (await browser.get('/account/subscriptions')).body;
    const csrf = csrfOf(manage);
    expect(
      (await browser.post('/subscriptions', { _csrf: csrf, kind: 'press', target: String(hanbit) })).statusCode,
    ).toBe(303);
    const sub = await t.deps.db
      .selectFrom('subscriptions')
      .select('id')
      .where('reader_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(
      (await browser.post(`/subscriptions/${sub.id}/delivery`, { _csrf: csrf, delivery: 'immediate' })).statusCode,
    ).toBe(303);
    // A keyword alert matching the same article: still one message.
    expect((await browser.post('/subscriptions/keyword', { _csrf: csrf, query: '은빛대교' })).statusCode).toBe(303);

    const a = await addArticle(t.deps, hanbit, {
      headline: '은빛대교 통행 재개',
      bodyHtml: '<p>가람시는 은빛대교 통행을 다시 허용했다.</p>',
    });
    await t.runJobs();
    // The job again (a worker died after sending): nothing new.
    expect(await sendAlerts(t.deps, a)).toBe(0);
    await t.runJobs();
    const mails = alertsTo('alert@example.kr');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.headers.get('subject')).toContain('은빛대교 통행 재개');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const url = /^<(http:\/\/sosik\.test(\/subscriptions\/unsubscribe\/[^>]+))>$/.exec(
      mail.headers.get('list-unsubscribe')!,
    )!;
    expect(mail.text).toContain(url[1]);

    // What a mail client does (RFC 8058): POST the form body, no cookie, no CSRF token.
    const path = url[2]!;
    expect((await t.app.inject({ url: path })).body).toContain('메일 그만 받기');
    const tampered = path.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: tampered,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(404);
    const one = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('data-unsubscribed="true"');

    // Which subscription was unsubscribed depends on which matched first; stop the other by hand too
    // and the next article sends nothing.
    const rows = await t.deps.db
      .selectFrom('subscriptions')
      .select(['id', 'delivery'])
      .where('reader_id', '=', id)
      .execute();
    expect(rows.filter((r) => r.delivery === 'none')).toHaveLength(1);
    const other = rows.find((r) => r.delivery !== 'none')!;
    expect(
      (await browser.post(`/subscriptions/${other.id}/delivery`, { _csrf: csrf, delivery: 'none' })).statusCode,
    ).toBe(303);
    await addArticle(t.deps, hanbit, { headline: '은빛대교 두 번째 소식' });
    await t.runJobs();
    expect(alertsTo('alert@example.kr')).toHaveLength(1);
  });

  it('a subscription left at its default (digest) sends no immediate mail', async () => {
    const { browser } = await verifiedReader('still@example.kr', '조용독자', '10.70.0.2');
    const csrf = csrfOf((await browser.get('/account/subscriptions')).body);
    expect(
      (await browser.post('/subscriptions', { _csrf: csrf, kind: 'press', target: String(hanbit) })).statusCode,
    ).toBe(303);
    await addArticle(t.deps, hanbit, { headline: '조용히 지나갈 기사' });
    await t.runJobs();
    expect(alertsTo('still@example.kr')).toHaveLength(0);
  });
});
