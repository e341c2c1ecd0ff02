// How the issues capability lets its issues have feeds without this capability knowing its tables:
// it registers a lookup from issue slug to title and article ids (newest first).
import type { AppDeps } from '../../deps.ts';

export type IssueFeedSource = (deps: AppDeps, slug: string) => Promise<{ title: string; articleIds: number[] } | undefined>;

let source: IssueFeedSource | undefined;

export function registerIssueFeedSource(fn: IssueFeedSource): void {
  source = fn;
}

export function issueFeedSource(): IssueFeedSource | undefined {
  return source;
}
