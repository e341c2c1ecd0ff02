import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';

describe('staff password hashing', () => {
  it('stores scrypt parameters and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('비밀번호는 길게 쓰자');
    const b = await hashPassword('비밀번호는 길게 쓰자');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('비밀번호는 길게 쓰자', a)).toBe(true);
    expect(await verifyPassword('비밀번호는 길게 쓰자!', a)).toBe(false);
  });

  it('reads the cost from the stored string, so older cheaper hashes keep working', async () => {
    const stored = await hashPassword('legacy password');
    const [, , r, p, salt] = stored.split('$');
    const crypto = await import('node:crypto');
    const key = crypto.scryptSync('legacy password', Buffer.from(salt!, 'base64'), 32, {
      N: 2 ** 10,
      r: Number(r),
      p: Number(p),
    });
    const cheaper = ['scrypt', 10, r, p, salt, key.toString('base64')].join('$');
    expect(await verifyPassword('legacy password', cheaper)).toBe(true);
    expect(await verifyPassword('other', cheaper)).toBe(false);
  });

  it('rejects malformed hashes and always fails the dummy check', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99$8$1$AA==$AA==')).toBe(false);
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
