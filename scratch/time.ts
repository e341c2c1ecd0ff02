import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
const handle = openDatabase({ sqlitePath: `/tmp/sosik-archive/archive-${process.argv[2]}.db` });
const config = loadConfig({}, { publicUrl: 'http://x', logLevel: 'silent', pageCacheSeconds: 0, demo: false, workers: false });
const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, log: pino({ level: 'silent' }), registry: REGISTRY, nudgeJobs: () => {} });
await app.ready();
for (const u of process.argv.slice(3)) {
  const ts: number[] = [];
  for (let i = 0; i < 60; i++) { const t = performance.now(); const r = await app.inject(u); if (r.statusCode !== 200) throw new Error(u + r.statusCode); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b); console.log(u, 'p50', ts[30]!.toFixed(2), 'min', ts[0]!.toFixed(2), 'bytes');
}
await app.close(); await handle.close();
