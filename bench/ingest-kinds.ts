// `node --import tsx bench/ingest-kinds.ts`: where the follow-up jobs of bulk ingest spend their
// time, kind by kind, on SQLite and PostgreSQL: N articles ingested, then each kind's batch
// handler timed on its own over the same articles (slices as the worker claims them).
//   BENCH_ITEMS=2000 (default)   SOSIK_TEST_PG_URL=postgres://…
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { REGISTRY } from '../src/app.ts';
import { ingestArticles } from '../src/articles/index.ts';
import { loadConfig } from '../src/config.ts';
import { type Dialect, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { itemToArticleInput } from '../src/feeds/item-to-article.ts';
import { decodeFeedBytes } from '../src/feeds/parse/decode.ts';
import { parseFeedText } from '../src/feeds/parse/parse-feed.ts';
import { JobWorker } from '../src/jobs/worker.ts';
import { generateFeed } from './ingest-feed-file.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const CLAIM = 200;
const PG_URL = process.env.SOSIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(dialect: Dialect, dir: string) {
  let url: string | undefined;
  const name = `bench_kinds_${crypto.randomBytes(4).toString('hex')}`;
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.href;
  }
  const handle = openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { sqlitePath: path.join(dir, `${name}.db`) });
  try {
    await migrateToLatest(handle);
    const deps: AppDeps = {
      db: handle.db,
      dialect,
      config: loadConfig({}, { demo: false }),
      log: pino({ level: 'silent' }),
      nudgeJobs: () => {},
      registry: REGISTRY,
    };
    const feed = parseFeedText(decodeFeedBytes(Buffer.from(generateFeed(ITEMS)), 'application/rss+xml').text, {
      baseUrl: 'https://press.example/rss',
    });
    const press = await handle.db
      .insertInto('presses')
      .values({ slug: 'bench', name: '벤치마크 일보', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reqs = feed.items.map((item) => ({
      pressId: press.id,
      source: 'feed' as const,
      input: itemToArticleInput(item, feed),
      original: item.raw,
    }));
    for (let i = 0; i < reqs.length; i += 1000) await ingestArticles(deps, reqs.slice(i, i + 1000));
    const ids = (await handle.db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
    const line: string[] = [];
    for (const kind of REGISTRY.articleChangedJobs) {
      const def = REGISTRY.jobs.get(kind)!;
      const t = performance.now();
      for (let i = 0; i < ids.length; i += CLAIM) {
        const slice = ids.slice(i, i + CLAIM).map((articleId) => ({ articleId }));
        if (def.runBatch) await def.runBatch(slice, deps);
        else for (const p of slice) await def.run(p, deps);
      }
      const s = (performance.now() - t) / 1000;
      line.push(`${kind} ${Math.round(ids.length / s)}/s`);
    }
    // The queue itself: claims and status updates of every job (the handlers already ran: all no-ops now).
    const t = performance.now();
    const ran = await new JobWorker(deps).drain();
    const s = (performance.now() - t) / 1000;
    console.log(
      `${dialect}: ${ITEMS} articles; handlers alone: ${line.join(', ')}; worker drain of ${ran} jobs again ${Math.round(ran / s)} jobs/s`,
    );
  } finally {
    await handle.close();
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-kinds-'));
try {
  for (const d of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[]) await run(d, dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
