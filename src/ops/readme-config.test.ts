// The README's configuration table is generated from src/config.ts; this keeps the two in step.
// Regenerate with: node bin/sosik.js config --markdown (paste between the config-table markers).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsMarkdown } from '../config.ts';

describe('README', () => {
  it('documents exactly the options src/config.ts defines', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const table = readme.split('<!-- config-table -->')[1]?.split('<!-- /config-table -->')[0]?.trim();
    expect(table).toBe(optionsMarkdown());
  });
});
