// Static files: the site's own under src/web/static (served at /static/) and each capability's
// own folder (manifest `assets`, served at /static/<capability>/). All are served with a
// year-long immutable cache when asked for with the content hash their URLs carry, so a deploy
// with changed CSS/JS is fetched fresh.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
export const STATIC_PREFIX = '/static/';

const versions = new Map<string, string>();

/** `<prefix><name>?v=<hash of its bytes>`; the hash is computed once per process and file. */
export function versionedAssetUrl(prefix: string, dir: string, name: string): string {
  const file = dir + name;
  let v = versions.get(file);
  if (v === undefined) {
    try {
      v = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 10);
    } catch {
      v = 'missing';
    }
    versions.set(file, v);
  }
  return `${prefix}${name}?v=${v}`;
}

/** A site file's URL: `/static/<name>?v=<hash>`. */
export function assetUrl(name: string): string {
  return versionedAssetUrl(STATIC_PREFIX, STATIC_DIR, name);
}

export function capabilityAssetPrefix(capability: string): string {
  return `${STATIC_PREFIX}${capability}/`;
}

/** A capability's own file (in the folder its manifest's `assets.dir` names), for a page's scripts. */
export function capabilityAssetUrl(capability: string, dir: URL, name: string): string {
  return versionedAssetUrl(capabilityAssetPrefix(capability), fileURLToPath(dir), name);
}
