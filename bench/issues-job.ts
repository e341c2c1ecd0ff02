// The job-path part of the issues benchmark: the real assignArticle on a SQLite file. Articles are
// inserted straight into the table (ingest has its own benchmark); they are then assigned as the
// `issues.assign` job's runBatch does, one transaction per slice of 32 (BENCH_ASSIGN_SLICE=1: one
// transaction per article, as before batching).
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { assignArticles } from '../src/issues/assign.ts';
import { discardEngine } from '../src/issues/engine-cache.ts';
import { syntheticArticles } from './issues-generator.ts';

const SLICE = Number(process.env.BENCH_ASSIGN_SLICE ?? 32);

export async function benchJobPath(dir: string, sizes: number[], window: number, sample: () => void) {
  const handle = openDatabase({ sqlitePath: path.join(dir, 'bench.db') });
  await migrateToLatest(handle);
  const { db } = handle;
  const deps = { db, dialect: handle.dialect, config: loadConfig({}, { demo: false }) };
  const presses = await db
    .insertInto('presses')
    .values(Array.from({ length: 60 }, (_, i) => ({ slug: `p${i}`, name: `언론사${i}`, created_at: 0 })))
    .returning('id')
    .execute();
  const stream = syntheticArticles({ seed: 11 });
  let done = 0;
  const addAndAssign = async (n: number) => {
    const batch = Array.from({ length: n }, () => stream.next().value!);
    const ids = await db
      .insertInto('articles')
      .values(
        batch.map((a, i) => ({
          press_id: presses[a.press]!.id,
          uri: `urn:bench:${done + i}`,
          headline: a.headline,
          body_html: '',
          body_text: a.body,
          summary: '',
          lang: 'ko',
          bylines: '[]',
          keywords: '[]',
          status: 'usable' as const,
          source: 'api' as const,
          revision: 1,
          first_created_at: Math.round(a.time),
          updated_at: Math.round(a.time),
          received_at: Math.round(a.time),
        })),
      )
      .returning('id')
      .execute();
    const cpu = process.cpuUsage();
    for (let i = 0; i < ids.length; i += SLICE)
      await assignArticles(
        deps,
        ids.slice(i, i + SLICE).map((r) => r.id),
        0,
      );
    done += n;
    sample();
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  const out: Array<{ size: number; perSec: number; msPer: number }> = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (done < size) await addAndAssign(Math.min(1000, size - done));
    const ms = await addAndAssign(window);
    out.push({ size, perSec: (window / ms) * 1000, msPer: ms / window });
    console.log(`  job: ${size.toLocaleString()} stored → ${((window / ms) * 1000).toFixed(0)} jobs per CPU-second`);
  }
  discardEngine(db);
  await handle.close();
  return out;
}
