// bin/sosik.js runs dist/ only when it is complete and no source changed since the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distState, STAMP_FILE } from '../bin/dist-freshness.js';

describe('dist freshness', () => {
  let root: string;
  const at = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(path.join(root, file), t, t);
  };
  const write = (file: string, secondsAgo: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '//');
    at(file, secondsAgo);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-dist-'));
    write('src/web/deep/page.tsx', 100);
    write('package.json', 100);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is missing without a build stamp, even when compiled files are there', () => {
    expect(distState(root)).toBe('missing');
    write('dist/cli.js', 50);
    expect(distState(root)).toBe('missing');
  });

  it('is fresh when the stamp is newer than every source and build input', () => {
    write(`dist/${STAMP_FILE}`, 50);
    expect(distState(root)).toBe('fresh');
  });

  it('is stale when a nested source file changed after the build', () => {
    write(`dist/${STAMP_FILE}`, 50);
    at('src/web/deep/page.tsx', 10);
    expect(distState(root)).toBe('stale');
  });

  it('is stale when a new source file appeared or the build configuration changed', () => {
    write(`dist/${STAMP_FILE}`, 50);
    write('src/new.ts', 5);
    expect(distState(root)).toBe('stale');
    at('src/new.ts', 100);
    write('tsconfig.build.json', 5);
    expect(distState(root)).toBe('stale');
  });
});
