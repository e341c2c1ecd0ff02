import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedData } from './shared-data.ts';

describe('sharedData', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  function layout(withShared: boolean, withSpec: boolean): string {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-shared-'));
    dirs.push(base);
    fs.mkdirSync(path.join(base, 'clone'));
    if (withShared) fs.mkdirSync(path.join(base, 'shared'));
    if (withSpec) fs.mkdirSync(path.join(base, 'shared', 'spec', 'ninjs'), { recursive: true });
    return path.join(base, 'clone');
  }

  it('finds ../shared from the repository root, wherever the clone is', () => {
    const repoRoot = layout(true, true);
    expect(sharedData('spec/ninjs', { repoRoot, env: {} })).toEqual({
      path: path.join(repoRoot, '..', 'shared', 'spec', 'ninjs'),
    });
  });

  it('gives a one-line reason when ../shared is absent, in CI too', () => {
    const repoRoot = layout(false, false);
    for (const env of [{}, { CI: 'true' }]) {
      const r = sharedData('spec/ninjs', { repoRoot, env });
      expect(r.path).toBeUndefined();
      expect(r.skip).toContain(path.join(repoRoot, '..', 'shared'));
      expect(r.skip).not.toContain('\n');
    }
  });

  it('skips a missing piece locally but fails in CI when ../shared is there', () => {
    const repoRoot = layout(true, false);
    expect(sharedData('spec/ninjs', { repoRoot, env: {} }).skip).toMatch(/spec\/ninjs not found/);
    expect(() => sharedData('spec/ninjs', { repoRoot, env: { CI: '1' } })).toThrow(/CI is set/);
  });

  it('knows the repository root', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'package.json'))).toBe(true);
  });
});
