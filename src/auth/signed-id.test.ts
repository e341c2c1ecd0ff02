// Signed ids: a token opens only the id and the purpose it was made for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/databases.ts';
import { signedIds } from './signed-id.ts';

describe('signed ids', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(() => t.dispose());

  it('verifies its own tokens and refuses tampered ones, other ids and other purposes', async () => {
    const stop = signedIds('test.secret', 'stop');
    const start = signedIds('test.secret', 'start');
    const token = await stop.sign(t, 42);
    expect(token).toMatch(/^42\.[\w-]{32}$/);
    expect(await stop.verify(t, token)).toBe(42);
    expect(await stop.verify(t, token.replace(/^42/, '43'))).toBeUndefined();
    const mac = token.split('.')[1]!;
    const flipped = `42.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    expect(await stop.verify(t, flipped)).toBeUndefined();
    expect(await start.verify(t, token)).toBeUndefined();
    for (const bad of ['', '42', '42.', `x.${mac}`, `42.${mac}x`, `${'9'.repeat(16)}.${mac}`])
      expect(await stop.verify(t, bad)).toBeUndefined();
  });
});
