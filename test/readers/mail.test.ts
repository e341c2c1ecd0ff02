// What readers get by e-mail, delivered by the job worker to a real SMTP server started by the
// test, on SQLite and PostgreSQL: every message has a text and an HTML part in the reader's
// language and a Message-ID; each reason sends one message however often its job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComposedMail, startSmtpServer, type TestSmtpServer } from '../../src/mail/test-support.ts';
import { READER_PASSWORD, readersTestApp, signInVia, signUpVia, TestBrowser } from '../../src/readers/test-support.ts';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

function mailTo(address: string) {
  return smtp.received.filter((m) => m.to.includes(address)).map((m) => parseComposedMail(m.raw));
}

describe.each(await testDialects())('reader mail (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await readersTestApp(dialect, { smtpUrl: smtp.url, mailFrom: '소식 <no-reply@sosik.test>' });
  });
  afterAll(() => t?.close());

  it("sign-up sends one verification message with text and HTML parts in the reader's language", async () => {
    const to = `ko-${dialect}@example.kr`;
    await signUpVia(new TestBrowser(t.app, '10.80.0.1'), { email: to, nickname: `한국${dialect.slice(0, 2)}` });
    await t.runJobs();
    await t.runJobs(); // a second run finds nothing left to send
    const [mail, ...more] = mailTo(to);
    expect(more).toEqual([]);
    expect(mail!.headers.get('subject')).toBe('[소식] 이메일 주소를 확인해 주세요');
    expect(mail!.headers.get('message-id')).toMatch(/^<[0-9a-f]{32}\.sosik@sosik\.test>$/);
    expect(mail!.text).toMatch(/http:\/\/sosik\.test\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    expect(mail!.text).toContain('48시간');
    expect(mail!.html).toContain('lang="ko"');
    expect(mail!.html).toContain('/verify-email?token=');

    const en = `en-${dialect}@example.kr`;
    const browser = new TestBrowser(t.app, '10.80.0.2');
    await browser.get('/signup?lang=en');
    await signUpVia(browser, { email: en, nickname: `English${dialect.slice(0, 2)}` });
    await t.runJobs();
    const [english] = mailTo(en);
    expect(english!.headers.get('subject')).toMatch(/confirm|verify/i);
    expect(english!.html).toContain('lang="en"');
  });

  it('signing up again with a registered address tells its owner, and nobody gets a second account', async () => {
    const to = `owner-${dialect}@example.kr`;
    await signUpVia(new TestBrowser(t.app, '10.80.1.1'), { email: to, nickname: `주인${dialect.slice(0, 2)}` });
    await signUpVia(new TestBrowser(t.app, '10.80.1.2'), { email: to, nickname: `남의${dialect.slice(0, 2)}` });
    await t.runJobs();
    const subjects = mailTo(to).map((m) => m.headers.get('subject'));
    expect(subjects).toEqual(['[소식] 이메일 주소를 확인해 주세요', '[소식] 이미 가입된 이메일 주소입니다']);
    const note = mailTo(to)[1]!;
    expect(note.text).toContain('주인');
    expect(note.text).toContain('http://sosik.test/password-reset');
  });

  it('a reset request mails a link only when the address has an account', async () => {
    const to = `reset-${dialect}@example.kr`;
    await signUpVia(new TestBrowser(t.app, '10.80.2.1'), { email: to, nickname: `재설${dialect.slice(0, 2)}` });
    for (const email of [to, `nobody-${dialect}@example.kr`]) {
      await new TestBrowser(t.app, '10.80.2.2').submit('/password-reset', '/password-reset', { email });
    }
    await t.runJobs();
    const reset = mailTo(to).find((m) => m.headers.get('subject')?.includes('비밀번호 재설정'));
    expect(reset!.text).toMatch(/\/password-reset\/new\?token=[A-Za-z0-9_-]{43}/);
    expect(reset!.text).toContain('30분');
    expect(mailTo(`nobody-${dialect}@example.kr`)).toEqual([]);
  });

  it('a changed address is proven by a link to the new one, and the old one is told', async () => {
    const old = `old-${dialect}@example.kr`;
    const fresh = `fresh-${dialect}@example.kr`;
    await signUpVia(new TestBrowser(t.app, '10.80.3.1'), { email: old, nickname: `이사${dialect.slice(0, 2)}` });
    const browser = new TestBrowser(t.app, '10.80.3.2');
    await signInVia(browser, old);
    await browser.submit('/account', '/account/email', { email: fresh, current_password: READER_PASSWORD });
    await t.runJobs();
    const confirm = mailTo(fresh)[0]!;
    expect(confirm.headers.get('subject')).toBe('[소식] 새 이메일 주소를 확인해 주세요');
    const link = /http:\/\/sosik\.test(\/verify-email\?token=[A-Za-z0-9_-]{43})/.exec(confirm.text)![1]!;
    const page = await browser.get(link);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    await browser.post('/verify-email', { _csrf: csrf, token: new URL(link, 'http://x').searchParams.get('token')! });
    await t.runJobs();
    const notice = mailTo(old).find((m) => m.headers.get('subject')?.includes('바뀌었습니다'));
    expect(notice!.text).toContain(fresh);
  });
});
