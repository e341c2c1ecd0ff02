// The demo content clustered the way a newly started portal clusters it: an empty database, the
// demo's presses and articles ingested one at a time through the real ingest path, each article's
// issues.assign job run before the next article arrives. Shared by the cold-start evaluation and
// the demo-content tests, so both judge exactly what a new user sees.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { REGISTRY } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DbHandle, Dialect } from '../src/db/database.ts';
import type { AppDeps } from '../src/deps.ts';
import { ingestArticle } from '../src/articles/ingest.ts';
import { loadDemoArticles } from '../src/demo/seed.ts';
import { createPress, type NewPress } from '../src/press/keys.ts';
import { ninjsToArticle } from '../src/press/ninjs/to-article.ts';
import { JobWorker } from '../src/jobs/worker.ts';

const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/demo/content');
const HOUR = 3_600_000;

export interface DemoMember {
  uri: string;
  /** The demo's own event label (`event` in the article file), or the uri for a one-off article. */
  label: string;
  press: string;
  language: string;
  headline: string;
  issueId: number;
}

/** Each demo article's uri → its event label (articles outside any event are their own label). */
export function demoEventLabels(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of loadDemoArticles() as Array<{ event?: string; item: Record<string, unknown> }>) {
    const uri = String(f.item.uri);
    out.set(uri, f.event ?? uri);
  }
  return out;
}

/**
 * Seeds the demo into `handle` (an empty, migrated database), running every due job after each
 * ingest, and returns where each article ended up.
 */
export async function clusterDemo(
  handle: DbHandle,
  dialect: Dialect,
  now = Date.now(),
): Promise<{ deps: AppDeps; members: DemoMember[] }> {
  const config = loadConfig({}, { demo: false, logLevel: 'silent' });
  const deps: AppDeps = {
    db: handle.db,
    dialect,
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
  const worker = new JobWorker(deps);
  const pressIds = new Map<string, number>();
  for (const p of readDemoPresses()) pressIds.set(p.slug, (await createPress(deps, p)).press.id);
  // As seedDemo does it (oldest first, updates after), but the jobs run after every single ingest.
  const files = loadDemoArticles();
  const steps = [
    ...files.map((f) => ({
      press: f.press,
      at: now - f.hoursAgo * HOUR,
      created: now - f.hoursAgo * HOUR,
      item: f.item,
    })),
    ...files
      .filter((f) => f.update)
      .map((f) => ({
        press: f.press,
        at: now - f.update!.hoursAgo * HOUR,
        created: now - f.hoursAgo * HOUR,
        item: f.update!.item,
      }))
      .sort((a, b) => a.at - b.at),
  ];
  for (const s of steps) {
    const item = {
      ...s.item,
      firstcreated: new Date(s.created).toISOString(),
      versioncreated: new Date(s.at).toISOString(),
    };
    const input = ninjsToArticle(item);
    await ingestArticle(deps, {
      pressId: pressIds.get(s.press)!,
      source: 'demo',
      input,
      original: item,
      trustLocalMedia: true,
      now: s.at,
    });
    await worker.drain();
  }
  const labels = demoEventLabels();
  const rows = await handle.db
    .selectFrom('articles')
    .innerJoin('presses', 'presses.id', 'articles.press_id')
    .leftJoin('issue_articles', 'issue_articles.article_id', 'articles.id')
    .select(['articles.uri', 'articles.lang', 'articles.headline', 'presses.slug', 'issue_articles.issue_id'])
    .orderBy('articles.id')
    .execute();
  const members = rows.map((r) => ({
    uri: r.uri,
    label: labels.get(r.uri) ?? r.uri,
    press: r.slug,
    language: r.lang ?? '',
    headline: r.headline,
    issueId: r.issue_id ?? -1,
  }));
  return { deps, members };
}

function readDemoPresses(): NewPress[] {
  return JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'presses.json'), 'utf8')) as NewPress[];
}
