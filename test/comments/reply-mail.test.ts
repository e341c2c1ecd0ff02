// Reply e-mail through a real SMTP server, on SQLite and PostgreSQL: the author turns it on at
// /account/notifications; a burst of replies is one message when the batch falls due (in the
// reader's language, with a one-click stop); their own reply and a held one are never mailed, a
// held one is once a moderator approves it; the stop address turns it off without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { csrfOf, signInVia, TestBrowser } from '../../src/readers/test-support.ts';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addStaff, TEST_PASSWORD } from '../helpers/staff.ts';
import { commentsTestApp, csrfFor, makeArticle, postJson, verifiedReader, type TestReader } from './support.ts';

const MINUTES = 10;

describe.each(await testDialects())('reply e-mail (%s)', (dialect) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let article: number;
  let author: TestReader;
  let junho: TestReader;
  let sora: TestReader;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await commentsTestApp(dialect, {
      smtpUrl: smtp.url,
      mailFrom: '소식 <no-reply@sosik.test>',
      commentReplyMailMinutes: MINUTES,
      commentsPerArticle: 50,
      commentsPerDay: 500,
      commentRepliesPerArticle: 50,
    });
    article = (await makeArticle(t, { headline: '답글 메일 시험 기사' })).id;
    author = await verifiedReader(t, '글쓴이', '10.70.0.1');
    junho = await verifiedReader(t, '준호', '10.70.0.2');
    sora = await verifiedReader(t, '소라', '10.70.0.3');
    await addStaff(t.deps, 'editor-mail@sosik.test', 'editor');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const emailOf = async (r: TestReader) =>
    (await t.deps.db.selectFrom('readers').select('email').where('id', '=', r.id).executeTakeFirstOrThrow()).email;
  const mailTo = async (r: TestReader) => {
    const to = await emailOf(r);
    // Reply e-mail only (the sign-up's verification message went to the same address).
    return smtp.received
      .filter((m) => m.to.includes(to))
      .map((m) => parseComposedMail(m.raw))
      .filter((m) => m.headers.get('list-unsubscribe')?.includes('/comments/reply-mail/stop/'));
  };
  const batchJobs = () =>
    t.deps.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('kind', '=', 'comments.reply-mail')
      .where('status', '=', 'pending')
      .execute();
  /** The batch's time comes: its job is made due now (the worker would wait MINUTES for it). */
  async function batchFallsDue(): Promise<void> {
    await t.deps.db
      .updateTable('jobs')
      .set({ run_at: Date.now() })
      .where('kind', '=', 'comments.reply-mail')
      .where('status', '=', 'pending')
      .execute();
    await t.runJobs();
  }
  const reply = async (r: TestReader, parentId: number, body: string) => {
    const res = await postJson(t, r, await csrfFor(r, article), article, body, parentId);
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; status: string };
  };

  it('is off until the author turns it on: replies are listed at /account/notifications, nothing is mailed', async () => {
    const page = await author.browser.get('/account/notifications');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('내 댓글에 답글이 달리면 메일로도 알려 주세요');
    expect(page.body).not.toMatch(/id="reply-mail"[^>]*checked/);
    const top = (await postJson(t, author, await csrfFor(author, article), article, '켜기 전의 댓글')).json();
    await reply(junho, top.id, '켜기 전의 답글');
    expect(await batchJobs()).toHaveLength(0);
    await t.runJobs();
    expect(await mailTo(author)).toHaveLength(0);
    expect((await author.browser.get('/account/notifications')).body).toContain('켜기 전의 답글');
  });

  it('a burst of replies is one message when the batch falls due; self-replies and held replies are left out', async () => {
    const saved = await author.browser.submit('/account/notifications', '/account/notifications/mail', { mail: '1' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/account/notifications?notice=mail-saved');
    expect((await author.browser.get('/account/notifications')).body).toMatch(/id="reply-mail"[^>]*checked/);

    const top = (await postJson(t, author, await csrfFor(author, article), article, '메일을 켠 뒤의 댓글')).json();
    const before = Date.now();
    await reply(junho, top.id, '첫 번째 답글입니다');
    await reply(sora, top.id, '두 번째 답글\n<b>굵게</b>');
    await reply(junho, top.id, '세 번째 답글입니다');
    await reply(author, top.id, '내가 단 답글');
    const held = await reply(sora, top.id, '링크 답글 https://example.org/held');
    expect(held.status).toBe('held');

    // One batch for the burst, falling due MINUTES after its first reply.
    const jobs = await batchJobs();
    expect(jobs).toHaveLength(1);
    expect(Number(jobs[0]!.run_at)).toBeGreaterThanOrEqual(before + MINUTES * 60_000);
    await t.runJobs();
    expect(await mailTo(author)).toHaveLength(0); // not due yet

    await batchFallsDue();
    const mails = await mailTo(author);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.headers.get('subject')).toBe('[소식] 내 댓글에 새 답글 3개');
    expect(mail.text).toContain('글쓴이님, 내 댓글에 새 답글 3개가 달렸습니다.');
    expect(mail.text).toContain('· 준호: 첫 번째 답글입니다 (“답글 메일 시험 기사”)');
    expect(mail.text).toContain('· 소라: 두 번째 답글 <b>굵게</b>');
    expect(mail.html).toContain('두 번째 답글 &lt;b>굵게&lt;/b>');
    expect(mail.text).toContain('세 번째 답글입니다');
    expect(mail.text).not.toContain('내가 단 답글');
    expect(mail.text).not.toContain('example.org/held');
    expect(mail.text).not.toContain('켜기 전의 답글');
    expect(mail.headers.get('list-unsubscribe')).toMatch(
      /^<http:\/\/sosik\.test\/comments\/reply-mail\/stop\/\d+\.[\w-]{32}>$/,
    );
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Running the jobs again sends nothing more.
    await batchFallsDue();
    expect(await mailTo(author)).toHaveLength(1);

    // The held reply is mailed once a moderator approves it, in a batch of its own.
    const editor = new TestBrowser(t.app, '10.70.9.9');
    expect((await signInVia(editor, 'editor-mail@sosik.test', TEST_PASSWORD)).statusCode).toBe(303);
    const queue = await editor.get('/studio/comments');
    const decided = await editor.post('/studio/comments/decide', {
      _csrf: csrfOf(queue.body),
      ids: String(held.id),
      action: 'approve',
    });
    expect(decided.statusCode).toBe(303);
    expect(await batchJobs()).toHaveLength(1);
    await batchFallsDue();
    const after = await mailTo(author);
    expect(after).toHaveLength(2);
    expect(after[1]!.headers.get('subject')).toBe('[소식] 소라님이 내 댓글에 답글을 달았습니다');
    expect(after[1]!.text).toContain('https://example.org/held');
  });

  it('a reply removed before the batch falls due is not mailed', async () => {
    const top = (await postJson(t, author, await csrfFor(author, article), article, '지워질 답글을 받을 댓글')).json();
    const gone = await reply(junho, top.id, '곧 지울 답글');
    const del = await junho.browser.post(`/comments/${gone.id}/delete`, { _csrf: await csrfFor(junho, article) });
    expect(del.statusCode).toBe(303);
    const count = (await mailTo(author)).length;
    await batchFallsDue();
    expect(await mailTo(author)).toHaveLength(count);
    expect(await batchJobs()).toHaveLength(0);
  });

  it('is written in the reader’s language', async () => {
    const en = await verifiedReader(t, 'Robin', '10.70.0.4');
    await t.deps.db.updateTable('readers').set({ locale: 'en' }).where('id', '=', en.id).execute();
    expect(
      (await en.browser.submit('/account/notifications', '/account/notifications/mail', { mail: '1' })).statusCode,
    ).toBe(303);
    const top = (await postJson(t, en, await csrfFor(en, article), article, 'an English comment')).json();
    await reply(junho, top.id, '영어 사용자에게 단 답글');
    await batchFallsDue();
    const [mail] = await mailTo(en);
    expect(mail?.headers.get('subject')).toBe('[소식] 준호 replied to your comment');
    expect(mail?.text).toContain('Robin, new replies to your comments: 1.');
    expect(mail?.text).toContain('To stop reply e-mail: http://sosik.test/comments/reply-mail/stop/');
  });

  it('the one-click stop address turns it off without a session; a GET only shows the button', async () => {
    const [mail] = await mailTo(author);
    const url = new URL(/^<(.+)>$/.exec(mail!.headers.get('list-unsubscribe')!)![1]!);
    const shown = await t.app.inject(url.pathname);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('답글 메일 그만 받기');
    expect(
      (
        await t.deps.db
          .selectFrom('comment_reply_mail')
          .select('enabled')
          .where('reader_id', '=', author.id)
          .executeTakeFirst()
      )?.enabled,
    ).toBe(1);
    const forged = await t.app.inject({
      method: 'POST',
      url: url.pathname.replace(/\.[\w-]{32}$/, `.${'A'.repeat(32)}`),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(forged.statusCode).toBe(404);
    const stopped = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('data-unsubscribed="true"');

    const count = (await mailTo(author)).length;
    const top = (await postJson(t, author, await csrfFor(author, article), article, '끈 뒤의 댓글')).json();
    await reply(sora, top.id, '끈 뒤의 답글');
    expect(await batchJobs()).toHaveLength(0);
    await batchFallsDue();
    expect(await mailTo(author)).toHaveLength(count);
    expect((await author.browser.get('/account/notifications')).body).not.toMatch(/id="reply-mail"[^>]*checked/);
  });
});
