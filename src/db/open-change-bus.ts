// Picks how changes travel between processes: Redis when SOSIK_REDIS_URL is set, else PostgreSQL
// LISTEN/NOTIFY on PostgreSQL, else nowhere (one SQLite process: in-process delivery is all there
// is; a second process on the same file, e.g. `sosik feeds poll` from cron, needs Redis, or its
// changes show once the page cache's upper bound SOSIK_PAGE_CACHE_SECONDS has passed).
import crypto from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { ChangeBus, type ChangeTransport } from './change-bus.ts';
import { PgChangeTransport, type PgTarget } from './change-bus-pg.ts';
import { RedisChangeTransport } from './change-bus-redis.ts';

export interface ChangeBusTarget {
  config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'redisUrl'>;
  /** PostgreSQL schema the process works in (tests), when not in the URL. */
  pgSchema?: string;
}

export async function openChangeBus({ config, pgSchema }: ChangeBusTarget, log?: Logger): Promise<ChangeBus> {
  const pgTarget: PgTarget | undefined = config.databaseUrl
    ? { connectionString: config.databaseUrl, schema: pgSchema }
    : undefined;
  const scope = pgTarget
    ? await PgChangeTransport.scopeOf(pgTarget)
    : config.sqlitePath && config.sqlitePath !== ':memory:'
      ? `sqlite:${path.resolve(config.sqlitePath)}`
      : `memory:${crypto.randomUUID()}`;
  let transport: ChangeTransport | undefined;
  if (config.redisUrl) transport = new RedisChangeTransport(config.redisUrl, log);
  else if (pgTarget) transport = new PgChangeTransport(pgTarget, log);
  const bus = new ChangeBus(scope, transport, log);
  await bus.start();
  return bus;
}
