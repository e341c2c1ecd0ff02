// The module-boundary rules in .dependency-cruiser.cjs are only worth having if they bite: each is
// run over a fixture tree with exactly one violating import of its kind, plus allowed imports that
// must stay quiet.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.join(ROOT, 'test/fixtures/boundaries');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

describe('module boundary rules', () => {
  let violations: string[];
  beforeAll(async () => {
    const { tsConfig: _tsConfig, enhancedResolveOptions, ...options } = config.options ?? {};
    const result = await cruise(
      ['src'],
      { ...options, baseDir: FIXTURE, validate: true, ruleSet: { forbidden: config.forbidden } },
      { extensions: enhancedResolveOptions?.extensions ?? ['.ts'] },
    );
    const summary = (result.output as ICruiseResult).summary;
    violations = summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  }, 60_000);

  it('the kernel may not import a capability', () => {
    expect(violations).toContain('kernel-imports-no-capability: src/web/layout.ts → src/articles/store.ts');
  });

  it('a capability reaches another only through its index.ts', () => {
    expect(violations).toContain('capability-through-index: src/feeds/poll.ts → src/articles/store.ts');
    expect(violations).not.toContain('capability-through-index: src/feeds/poll.ts → src/articles/index.ts');
  });

  it('a migration imports nothing outside src/db', () => {
    expect(violations).toContain('migrations-are-frozen: src/db/migrations/0001-first.ts → src/config.ts');
  });

  it('no import cycles', () => {
    expect(
      violations.some(
        (v) =>
          v.startsWith('no-circular: src/jobs/a.ts → src/jobs/b.ts') ||
          v.startsWith('no-circular: src/jobs/b.ts → src/jobs/a.ts'),
      ),
    ).toBe(true);
  });

  it('reports nothing else: allowed imports stay quiet', () => {
    expect(violations.filter((v) => !v.startsWith('no-circular'))).toEqual([
      'capability-through-index: src/feeds/poll.ts → src/articles/store.ts',
      'kernel-imports-no-capability: src/web/layout.ts → src/articles/store.ts',
      'migrations-are-frozen: src/db/migrations/0001-first.ts → src/config.ts',
    ]);
  });
});
