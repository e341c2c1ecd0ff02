// Names and links of what subscriptions point at, in the reader's language, read in one query
// per kind through each owner's index.
import { listCategories } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { issueRefs } from '../issues/index.ts';
import { pressSummariesByIds } from '../press/index.ts';
import { reportersByIds } from '../reporters/index.ts';
import type { Locale } from '../web/i18n/index.ts';
import { categoryName, pressName } from '../web/page-context.ts';
import type { Subscription } from './store.ts';

export interface TargetLabel {
  name: string;
  href: string;
}

export async function describeTargets(
  deps: AppDeps,
  subs: readonly Subscription[],
  locale: Locale,
): Promise<Map<number, TargetLabel>> {
  const ids = (kind: Subscription['kind']) => subs.filter((s) => s.kind === kind).map((s) => s.targetId!);
  const [presses, reporters, issues, categories] = await Promise.all([
    pressSummariesByIds(deps.db, ids('press')),
    reportersByIds(deps.db, ids('reporter')),
    issueRefs(deps.db, ids('issue')),
    ids('category').length ? listCategories(deps.db) : Promise.resolve([]),
  ]);
  const out = new Map<number, TargetLabel>();
  for (const s of subs) {
    let label: TargetLabel | undefined;
    if (s.kind === 'press') {
      const p = presses.find((x) => x.id === s.targetId);
      if (p) label = { name: pressName(locale, p), href: `/press/${p.slug}` };
    } else if (s.kind === 'reporter') {
      const r = reporters.find((x) => x.id === s.targetId);
      if (r) label = { name: r.name, href: `/reporters/${r.mergedInto ?? r.id}` };
    } else if (s.kind === 'issue') {
      const i = issues.find((x) => x.id === s.targetId);
      if (i) label = { name: i.name, href: `/issues/${encodeURIComponent(i.slug)}` };
    } else if (s.kind === 'category') {
      const c = categories.find((x) => x.id === s.targetId);
      if (c) label = { name: categoryName(locale, c), href: `/categories/${c.slug}` };
    } else {
      label = { name: s.query ?? '', href: `/search?q=${encodeURIComponent(s.query ?? '')}&sort=newest` };
    }
    if (label) out.set(s.id, label);
  }
  return out;
}
