// AppDeps over a test database, for the feeds tests (quiet logger, no job worker).
import { REGISTRY } from '../app.ts';
import pino from 'pino';
import { loadConfig, type Config } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import type { TestDb } from '../../test/helpers/databases.ts';

export function feedTestDeps(t: TestDb, overrides: Partial<Config> = {}): AppDeps {
  return {
    db: t.db,
    dialect: t.dialect,
    config: loadConfig({}, overrides),
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
}

export async function addTestPress(t: TestDb, slug = 'hanbit', name = '한빛일보'): Promise<number> {
  const row = await t.db
    .insertInto('presses')
    .values({ slug, name, created_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
