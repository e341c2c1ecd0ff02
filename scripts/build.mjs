// `npm run build`: compiles src/ to dist/ (tsc, tsconfig.build.json) and copies what is not
// TypeScript (static files, demo content, the toxicity model, the sanitiser's worker entry).
// `npm start` runs it with --if-stale, so `npm ci && npm start` works on a fresh machine.
// Plain JavaScript: it must run before anything is compiled. The build goes to a temporary
// folder that replaces dist/ in one rename, so a process starting meanwhile never sees half of it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distState, STAMP_FILE } from '../bin/dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ifStale = process.argv.includes('--if-stale');
/** Folders of test inputs that the running app never reads. */
const SKIP_DIRS = new Set(['fixtures']);

function copyAssets(from, to) {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) copyAssets(src, dest);
    } else if (e.isFile() && !/\.tsx?$/.test(e.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, dest);
    }
  }
}

function build() {
  const state = distState(root);
  if (ifStale && state === 'fresh') return 0;
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // An install without dev dependencies: bin/sosik.js then runs the sources through tsx.
    console.error('build: skipped (typescript is not installed); the sources run through tsx');
    return 0;
  }
  const started = Date.now();
  const out = path.join(root, `dist.tmp-${process.pid}`);
  fs.rmSync(out, { recursive: true, force: true });
  console.error(`build: compiling src/ to dist/ (${state === 'missing' ? 'no build yet' : 'sources changed'})…`);
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    fs.rmSync(out, { recursive: true, force: true });
    console.error('build: tsc failed');
    return 1;
  }
  copyAssets(path.join(root, 'src'), out);
  fs.writeFileSync(path.join(out, STAMP_FILE), `${new Date().toISOString()}\n`);
  const old = path.join(root, `dist.old-${process.pid}`);
  if (fs.existsSync(path.join(root, 'dist'))) fs.renameSync(path.join(root, 'dist'), old);
  fs.renameSync(out, path.join(root, 'dist'));
  fs.rmSync(old, { recursive: true, force: true });
  console.error(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exit(build());
