// axe-core on the home, category, press and article pages, in light and dark colour schemes:
// no serious or critical violations. Everything axe reports is printed for the record.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './axe.ts';
import { resultPath, skipBrowser, startE2E, type E2E } from './harness.ts';

describe.skipIf(skipBrowser)('accessibility (axe-core)', () => {
  let e2e: E2E;
  const report: Record<string, Array<{ id: string; impact: string | null; nodes: number }>> = {};

  beforeAll(async () => {
    // The page CSP forbids inline script; only this suite relaxes it, to inject axe as a script tag.
    e2e = await startE2E({ bypassCSP: true });
  });
  afterAll(async () => {
    if (Object.keys(report).length) fs.writeFileSync(resultPath('axe-report.json'), JSON.stringify(report, null, 2));
    await e2e?.close();
  });

  const pages = () => [
    ['home', '/'],
    ['category', '/categories/economy'],
    ['press', '/press/harbor-daily'],
    ['article', `/articles/${e2e.fixture.featuredId}`],
    ['article-en', `/articles/${e2e.fixture.featuredId}?lang=en`],
    ['english-story', `/articles/${e2e.fixture.englishId}`],
    ['category-page-2', `/categories/economy?before=${e2e.fixture.now}-0&page=2`],
    ['not-found', '/articles/999999'],
  ];

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${scheme} scheme`, async () => {
      const serious: string[] = [];
      for (const [name, pathname] of pages()) {
        const page = await e2e.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(e2e.baseUrl + pathname!, { waitUntil: 'load' });
        const violations = await runAxe(page);
        report[`${name}-${scheme}`] = violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            serious.push(
              `${name} (${scheme}): ${v.id} [${v.impact}] ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
        }
        await page.close();
      }
      expect(serious).toEqual([]);
    });
  }
});
