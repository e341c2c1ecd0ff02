// Static files under src/web/static, served with a year-long immutable cache; their URLs carry a
// content hash so a deploy with changed CSS/JS is fetched fresh.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
export const STATIC_PREFIX = '/static/';

const versions = new Map<string, string>();

/** `/static/<name>?v=<hash of its bytes>`; the hash is computed once per process. */
export function assetUrl(name: string): string {
  let v = versions.get(name);
  if (v === undefined) {
    try {
      v = crypto
        .createHash('sha256')
        .update(fs.readFileSync(STATIC_DIR + name))
        .digest('hex')
        .slice(0, 10);
    } catch {
      v = 'missing';
    }
    versions.set(name, v);
  }
  return `${STATIC_PREFIX}${name}?v=${v}`;
}
