// /studio/readers on SQLite and PostgreSQL: admins find readers and suspend or restore them;
// nobody else may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/helpers/databases.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../accounts/index.ts';
import { loadReaderAccount } from './reader.ts';
import { readerByEmail, readersTestApp, signInVia, signUpVia, TestBrowser } from './test-support.ts';

const STAFF_PASSWORD = 'correct horse battery';

describe.each(await testDialects())('reader administration (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestBrowser;
  let editor: TestBrowser;
  beforeAll(async () => {
    t = await readersTestApp(dialect);
    await createUser(t.deps, { email: 'admin@sosik.test', password: STAFF_PASSWORD, role: 'admin' });
    await createUser(t.deps, { email: 'editor@sosik.test', password: STAFF_PASSWORD, role: 'editor' });
    for (const [email, nickname] of [
      ['dahye@example.kr', '다혜'],
      ['dana@example.kr', 'Dana_kim'],
      ['other@example.kr', '다른사람'],
    ]) {
      await signUpVia(new TestBrowser(t.app, '10.70.0.1'), { email: email!, nickname: nickname! });
    }
    admin = new TestBrowser(t.app, '10.70.1.1');
    expect((await signInVia(admin, 'admin@sosik.test', STAFF_PASSWORD)).statusCode).toBe(303);
    editor = new TestBrowser(t.app, '10.70.1.2');
    expect((await signInVia(editor, 'editor@sosik.test', STAFF_PASSWORD)).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('finds readers by the beginning of their e-mail or nickname, ignoring case', async () => {
    const byEmail = await admin.get('/studio/readers?q=da');
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.body).toContain('dahye@example.kr');
    expect(byEmail.body).toContain('dana@example.kr');
    expect(byEmail.body).not.toContain('other@example.kr');
    const byNickname = await admin.get(`/studio/readers?q=${encodeURIComponent('DANA_')}`);
    expect(byNickname.body).toContain('dana@example.kr');
    expect(byNickname.body).not.toContain('dahye@example.kr');
    expect(byNickname.body).toContain('이메일 미확인');
    expect((await admin.get('/studio')).body).toContain('href="/studio/readers"');
  });

  it('suspends and restores a reader; the reader is told on /account', async () => {
    const id = (await readerByEmail(t, 'dahye@example.kr'))!.id;
    const suspend = await admin.submit('/studio/readers', `/studio/readers/${id}/suspension`, {
      action: 'suspend',
      reason: '욕설 반복',
    });
    expect(suspend.statusCode).toBe(303);
    expect((await loadReaderAccount(t.deps.db, id))!.suspended).toBe(true);
    expect((await admin.get('/studio/readers?q=dahye')).body).toContain('욕설 반복');
    const reader = new TestBrowser(t.app, '10.70.2.1');
    expect((await signInVia(reader, 'dahye@example.kr')).statusCode).toBe(303);
    expect((await reader.get('/account')).body).toContain('이 계정은 운영 정책에 따라 정지되었습니다.');
    await admin.submit('/studio/readers', `/studio/readers/${id}/suspension`, { action: 'restore' });
    expect((await loadReaderAccount(t.deps.db, id))!.suspended).toBe(false);
    const bad = await admin.submit('/studio/readers', `/studio/readers/${id}/suspension`, { action: 'ban-forever' });
    expect(bad.statusCode).toBe(422);
    expect(
      (await admin.submit('/studio/readers', '/studio/readers/999999/suspension', { action: 'suspend' })).statusCode,
    ).toBe(404);
  });

  it('editors, readers and visitors may not open or use it', async () => {
    expect((await editor.get('/studio/readers')).statusCode).toBe(403);
    const reader = new TestBrowser(t.app, '10.70.3.1');
    await signInVia(reader, 'other@example.kr');
    const sent = await reader.get('/studio/readers');
    expect(sent.statusCode).toBe(303);
    // The sign-in form, to switch accounts, not a redirect back (which would loop).
    expect((await reader.get(sent.headers.location as string)).statusCode).toBe(200);
    expect((await new TestBrowser(t.app).get('/studio/readers')).statusCode).toBe(303);
    const id = (await readerByEmail(t, 'other@example.kr'))!.id;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await reader.get('/account')).body)![1]!;
    expect((await reader.post(`/studio/readers/${id}/suspension`, { _csrf: csrf, action: 'suspend' })).statusCode).toBe(
      401,
    );
    expect((await loadReaderAccount(t.deps.db, id))!.suspended).toBe(false);
  });
});
