import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { addUserCommand } from './add-user-command.ts';
import { verifyPassword } from '../auth/password.ts';
import { createUser } from './users.ts';

describe.each(await testDialects())('creating staff users (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await t.db
      .insertInto('presses')
      .values({
        slug: 'hanbit',
        name: '한빛일보',
        created_at: Date.now(),
        name_en: null,
        homepage: null,
        description: null,
        description_en: null,
        copyright: null,
        api_key_hash: null,
        api_key_prefix: null,
      })
      .execute();
  });
  afterAll(() => t.dispose());

  it('creates press staff tied to their press, with a scrypt hash', async () => {
    const user = await createUser(t, {
      email: ' Reporter@Hanbit.test ',
      password: 'a long enough password',
      role: 'press',
      pressSlug: 'hanbit',
    });
    expect(user.email).toBe('reporter@hanbit.test');
    expect(user.press_id).not.toBeNull();
    expect(user.password_hash).not.toContain('a long enough password');
    expect(await verifyPassword('a long enough password', user.password_hash)).toBe(true);
  });

  it('refuses bad input with stable codes', async () => {
    const base = { email: 'x@sosik.test', password: 'a long enough password' };
    await expect(createUser(t, { ...base, role: 'press' })).rejects.toMatchObject({ code: 'PRESS_REQUIRED' });
    await expect(createUser(t, { ...base, role: 'press', pressSlug: 'nope' })).rejects.toMatchObject({
      code: 'PRESS_NOT_FOUND',
    });
    await expect(createUser(t, { ...base, role: 'admin', pressSlug: 'hanbit' })).rejects.toMatchObject({
      code: 'PRESS_NOT_ALLOWED',
    });
    await expect(createUser(t, { ...base, role: 'owner' as never })).rejects.toMatchObject({ code: 'INVALID_ROLE' });
    await expect(createUser(t, { ...base, password: 'short', role: 'admin' })).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
    });
    await expect(createUser(t, { ...base, email: 'not-an-email', role: 'admin' })).rejects.toMatchObject({
      code: 'INVALID_EMAIL',
    });
    await createUser(t, { ...base, role: 'admin' });
    await expect(createUser(t, { ...base, email: 'X@sosik.test', role: 'editor' })).rejects.toMatchObject({
      code: 'USER_EXISTS',
    });
  });

  it('the CLI command takes the password from --password or SOSIK_USER_PASSWORD', async () => {
    const line = await addUserCommand(
      t,
      { email: 'cli@sosik.test', role: 'editor' },
      loadConfig({ SOSIK_USER_PASSWORD: 'from the environment' }).userPassword,
    );
    expect(line).toContain('cli@sosik.test');
    const json = JSON.parse(
      await addUserCommand(
        t,
        { email: 'cli2@sosik.test', role: 'press', press: 'hanbit', password: 'from the flag!!', json: true },
        '',
      ),
    );
    expect(json).toMatchObject({ email: 'cli2@sosik.test', role: 'press', press: 'hanbit' });
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'cli@sosik.test')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword('from the environment', row.password_hash)).toBe(true);
  });
});
