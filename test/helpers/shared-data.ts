// The shared datasets and specs live beside the clone, in `../shared` from the repository root
// (never inside it, never committed). Tests that read them skip with a one-line reason on a machine
// without them; in CI, where `../shared` is provided, a missing piece is a failure, not a skip.
import fs from 'node:fs';
import path from 'node:path';

/** The repository root: this file is test/helpers/shared-data.ts. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export type SharedData = { path: string; skip?: undefined } | { path?: undefined; skip: string };

/**
 * Where `../shared/<rel>` is, or why a test using it should skip. Throws when `CI` is set and
 * `../shared` exists but `<rel>` does not: a silent skip there would hide a broken test.
 */
export function sharedData(
  rel: string,
  { repoRoot = REPO_ROOT, env = process.env }: { repoRoot?: string; env?: NodeJS.ProcessEnv } = {},
): SharedData {
  const root = path.resolve(repoRoot, '..', 'shared');
  const target = path.join(root, rel);
  if (fs.existsSync(target)) return { path: target };
  if (!fs.existsSync(root)) return { skip: `${root} not found (the shared data sits beside the clone)` };
  if (env.CI) throw new Error(`CI is set and ${root} exists, but ${target} is missing`);
  return { skip: `${target} not found` };
}
