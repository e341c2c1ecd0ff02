// `node --import tsx bench/press-directory.ts`: the /press directory's one read with the kept
// count (presses.article_count, moved by ingest) against the baseline it replaces, a count of
// each press's published articles over the archive, on SQLite with a generated archive.
//   BENCH_ARTICLES=200000 (default) BENCH_PRESSES=40 BENCH_RUNS=200
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { pressDirectory } from '../src/articles/press-directory-store.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200_000);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-presses-'));
const handle = openDatabase({ sqlitePath: path.join(dir, 'bench.db') });
try {
  await migrateToLatest(handle);
  const db = handle.db;
  const now = Date.now();
  const ids: number[] = [];
  for (let p = 0; p < PRESSES; p++) {
    const row = await db
      .insertInto('presses')
      .values({ slug: `press-${p}`, name: `언론사 ${p}`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ARTICLES; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(ARTICLES, i + 500); j++) {
        rows.push({
          press_id: ids[j % PRESSES]!,
          uri: `urn:bench:${j}`,
          headline: `기사 ${j}`,
          subheadline: null,
          series: null,
          body_html: '<p>본문</p>',
          body_text: '본문',
          summary: '본문',
          lang: 'ko',
          bylines: '[]',
          keywords: '[]',
          copyright: null,
          link: null,
          status: j % 50 === 0 ? ('withdrawn' as const) : ('usable' as const),
          source: 'api' as const,
          revision: 1,
          first_created_at: now - j * 60_000,
          updated_at: now - j * 60_000,
          received_at: now - j * 60_000,
          withdrawn_at: null,
        });
      }
      await trx.insertInto('articles').values(rows).execute();
    }
    // What ingest would have kept: the same numbers the baseline counts.
    for (const id of ids) {
      const n = await trx
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('press_id', '=', id)
        .where('status', '=', 'usable')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('presses')
        .set({ article_count: Number(n.n) })
        .where('id', '=', id)
        .execute();
    }
  });
  await sql`analyze`.execute(db);

  const countOverArchive = () =>
    db
      .selectFrom('presses as p')
      .leftJoin('articles as a', (j) => j.onRef('a.press_id', '=', 'p.id').on('a.status', '=', 'usable'))
      .select(['p.id', 'p.slug', 'p.name', 'p.name_en', 'p.description', 'p.description_en', 'p.logo_url'])
      .select((eb) => eb.fn.count<number>('a.id').as('n'))
      .groupBy('p.id')
      .orderBy('p.name')
      .execute();

  const kept = await pressDirectory(db);
  const counted = await countOverArchive();
  const same = kept.every((k) => Number(counted.find((c) => c.id === k.id)?.n) === k.articleCount);
  const keptMs = await timed(() => pressDirectory(db));
  const countedMs = await timed(countOverArchive);
  console.log(
    `press directory, ${PRESSES} presses, ${ARTICLES.toLocaleString('en')} articles (SQLite), median of ${RUNS}:`,
  );
  console.log(`  kept count (presses.article_count)   ${keptMs.toFixed(3)} ms`);
  console.log(
    `  count over the archive (baseline)    ${countedMs.toFixed(3)} ms   (×${(countedMs / keptMs).toFixed(0)})`,
  );
  console.log(`  same numbers: ${same}`);
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
