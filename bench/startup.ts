// `npm run bench:startup`: cold start of `sosik serve` to the first 200 on /healthz, on demo data,
// median of 5, from the compiled JavaScript in dist/ and from the TypeScript sources through tsx.
// Each start is a new process (nothing cached in memory); the database was seeded beforehand, so
// this measures start-up, not the one-off demo seeding (reported separately).
//   BENCH_RUNS=9 npm run bench:startup
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distState } from '../bin/dist-freshness.js';
import { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Milliseconds from spawning `sosik serve` to its first 200 on /healthz; then stops it. */
async function startOnce(dbPath: string, fromSource: boolean): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sosik.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SOSIK_DB: dbPath,
      LOG_LEVEL: 'warn',
      SOSIK_FEEDS_POLL: '0',
      SOSIK_FROM_SOURCE: fromSource ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sosik serve exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (distState(ROOT) !== 'fresh') {
  console.log('dist/ is missing or older than src/: run `npm run build` first');
  process.exit(0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-bench-startup-'));
try {
  const db = path.join(dir, 'sosik.db');
  const seeding = await startOnce(db, false);
  console.log(`first start (migrations + demo seeding, dist): ${seeding.toFixed(0)} ms`);
  for (const [label, fromSource] of [
    ['dist (compiled JavaScript)', false],
    ['tsx (TypeScript sources)', true],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startOnce(db, fromSource));
    console.log(
      `${label.padEnd(28)} median ${median(times).toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
