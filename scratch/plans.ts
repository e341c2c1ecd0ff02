import SQLite from 'better-sqlite3';
import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
const size = process.argv[2] ?? '100000';
const file = `/tmp/sosik-archive/archive-${size}.db`;
const queries = new Map<string, readonly unknown[]>();
let rec = false;
const handle = openDatabase({ sqlitePath: file, onQuery: (t, p) => { if (rec && !queries.has(t)) queries.set(t, p); } });
const config = loadConfig({}, { publicUrl: 'http://x', logLevel: 'silent', pageCacheSeconds: 0, demo: false, workers: false });
const deps = { db: handle.db, dialect: handle.dialect, config, log: pino({ level: 'silent' }), registry: REGISTRY, nudgeJobs: () => {} };
const app = await buildApp(deps); await app.ready();
const pages = process.argv.slice(3);
rec = true;
await (app as any).site.frame.refresh();
for (const u of pages) { const r = await app.inject(u); console.log(u, r.statusCode); }
rec = false;
const raw = new SQLite(file, { readonly: true });
for (const [t, p] of queries) {
  const plan = raw.prepare(`explain query plan ${t}`).all(...(p as unknown[])) as any[];
  const t0 = performance.now(); raw.prepare(t).all(...(p as unknown[])); const ms = performance.now() - t0;
  console.log(`\n[${ms.toFixed(2)} ms] ${t.slice(0, 300)}`);
  for (const r of plan) console.log('   ', r.detail);
}
await app.close(); await handle.close();
