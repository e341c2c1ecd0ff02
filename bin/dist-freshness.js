// Whether dist/ (the compiled JavaScript `npm run build` writes) still matches the sources: plain
// JavaScript, so bin/sosik.js can decide before any TypeScript loader is registered.
import fs from 'node:fs';
import path from 'node:path';

/** Written last by scripts/build.mjs: a dist without it is incomplete. */
export const STAMP_FILE = '.build-stamp';
/** What the compiled output depends on besides src/. */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time (ms) of any file under `dir`, 0 when it does not exist. */
export function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** 'missing' (never built or half-built), 'stale' (a source changed since) or 'fresh'. */
export function distState(root) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', STAMP_FILE)).mtimeMs;
  } catch {
    return 'missing';
  }
  let newest = newestMtime(path.join(root, 'src'));
  for (const f of BUILD_INPUTS) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
    } catch {
      // an optional input that is absent cannot make dist stale
    }
  }
  return newest > built ? 'stale' : 'fresh';
}
