// After an ingest commits: tell every process's page cache what changed, and count the outcome.
// The article's own page, its press's list, and `front`: the home page, every category list and
// every page's latest-headlines column show recent articles, so any accepted change may show there.
import type { AppDeps } from '../deps.ts';
import { announceChanges } from '../db/change-bus.ts';
import { articlesIngested } from '../web/metrics.ts';

export interface IngestOutcome {
  id: number;
  created: boolean;
  changed: boolean;
  status: string;
}

export function announceIngest(deps: AppDeps, pressId: number, result: IngestOutcome): void {
  const outcome = !result.changed
    ? 'unchanged'
    : result.status === 'withdrawn'
      ? 'withdrawn'
      : result.created
        ? 'created'
        : 'revised';
  articlesIngested.inc({ outcome });
  if (result.changed) announceChanges(deps, [`article:${result.id}`, `press:${pressId}`, 'front']);
}
