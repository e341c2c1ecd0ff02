// A named secret shared by every process on the same database: the first process to need it
// inserts a random one, everyone (including that process after a race) reads the stored value.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';

const cache = new WeakMap<object, Map<string, Promise<Buffer>>>();

async function loadOrCreate(deps: Pick<AppDeps, 'db'>, name: string): Promise<Buffer> {
  await deps.db
    .insertInto('server_secrets')
    .values({ name, value: crypto.randomBytes(32).toString('base64url'), created_at: Date.now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await deps.db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}

/** The secret called `name` (32 random bytes), created on first use and cached per database. */
export function serverSecret(deps: Pick<AppDeps, 'db'>, name: string): Promise<Buffer> {
  const byName = cache.get(deps.db) ?? new Map<string, Promise<Buffer>>();
  cache.set(deps.db, byName);
  let pending = byName.get(name);
  if (!pending) {
    pending = loadOrCreate(deps, name);
    // A failed load (database briefly away) must not be remembered.
    pending.catch(() => byName.delete(name));
    byName.set(name, pending);
  }
  return pending;
}
