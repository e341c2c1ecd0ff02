// Fills an empty database with the bundled demo content (fictional presses and stories written
// for Sosik), through the same ingest path as the press API, with times relative to now so the
// front page looks alive on any day.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestArticle } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { createPress, hasAnyPress, type NewPress } from '../press/index.ts';
import { ninjsToArticle } from '../press/index.ts';

const CONTENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'content');
const HOUR = 3_600_000;

export interface DemoArticleFile {
  press: string;
  hoursAgo: number;
  /** The fictional event the article reports, shared by every press's report of it. */
  event?: string;
  item: Record<string, unknown>;
  update?: { hoursAgo: number; item: Record<string, unknown> };
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The demo articles, oldest first, so ids grow with time as they would in real life. */
export function loadDemoArticles(): DemoArticleFile[] {
  const dir = path.join(CONTENT_DIR, 'articles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson<DemoArticleFile>(path.join(dir, f)))
    .sort((a, b) => b.hoursAgo - a.hoursAgo);
}

function withTimes(item: Record<string, unknown>, createdMs: number, versionMs: number): Record<string, unknown> {
  return {
    ...item,
    firstcreated: new Date(createdMs).toISOString(),
    versioncreated: new Date(versionMs).toISOString(),
  };
}

export async function seedDemo(deps: AppDeps, now = Date.now()): Promise<{ presses: number; articles: number }> {
  const presses = readJson<NewPress[]>(path.join(CONTENT_DIR, 'presses.json'));
  const pressIds = new Map<string, number>();
  for (const p of presses) {
    // Demo presses get keys like any press; nobody sees them (rotate one in /studio to use it).
    const { press } = await createPress(deps, p);
    pressIds.set(p.slug, press.id);
  }
  const files = loadDemoArticles();
  const updates: Array<{ pressId: number; at: number; created: number; item: Record<string, unknown> }> = [];
  for (const f of files) {
    const pressId = pressIds.get(f.press);
    if (pressId === undefined) throw new Error(`demo article names unknown press ${f.press}`);
    const created = now - f.hoursAgo * HOUR;
    const item = withTimes(f.item, created, created);
    await ingestArticle(deps, {
      pressId,
      source: 'demo',
      input: ninjsToArticle(item),
      original: item,
      trustLocalMedia: true,
      now: created,
    });
    if (f.update) updates.push({ pressId, at: now - f.update.hoursAgo * HOUR, created, item: f.update.item });
  }
  for (const u of updates.sort((a, b) => a.at - b.at)) {
    const item = withTimes(u.item, u.created, u.at);
    await ingestArticle(deps, {
      pressId: u.pressId,
      source: 'demo',
      input: ninjsToArticle(item),
      original: item,
      trustLocalMedia: true,
      now: u.at,
    });
  }
  return { presses: presses.length, articles: files.length };
}

/** Seeds only a database that has no press yet (first start); returns whether it did. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  if (await hasAnyPress(deps.db)) return false;
  const counts = await seedDemo(deps);
  deps.log.info(counts, 'demo content added (SOSIK_DEMO=0 turns this off)');
  return true;
}
