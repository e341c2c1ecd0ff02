// Rarely-changing data every page shows (category nav) and the latest headlines error pages offer,
// kept in memory for a few seconds. Categories change only by migration or admin edit, so a short
// TTL is honest across processes; nothing here is a rendered-page cache.
import type { AppDeps } from '../deps.ts';
import type { ErrorPageContext } from '../web/error-pages.tsx';
import { latestArticles, listCategories, type CategoryRef } from './read-store.ts';

const TTL_MS = 30_000;
const LATEST_HEADLINES = 8;

export class SiteSnapshot {
  private categories: CategoryRef[] = [];
  private latest: ErrorPageContext['latest'] = [];
  private loadedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly deps: AppDeps) {}

  /** Categories for the nav, refreshed when older than the TTL (awaits only the first load). */
  async navCategories(): Promise<CategoryRef[]> {
    if (this.loadedAt === 0) await this.refresh();
    else if (Date.now() - this.loadedAt > TTL_MS) void this.refresh();
    return this.categories;
  }

  /** The latest headlines (at most TTL old), for the article page's side column. */
  latestHeadlines(): ErrorPageContext['latest'] {
    if (Date.now() - this.loadedAt > TTL_MS) void this.refresh();
    return this.latest;
  }

  /** Synchronous view for error pages; triggers a background refresh when stale. */
  errorPageContext(): ErrorPageContext {
    if (Date.now() - this.loadedAt > TTL_MS) void this.refresh();
    return {
      siteName: this.deps.config.siteName,
      publicUrl: this.deps.config.publicUrl,
      categories: this.categories,
      latest: this.latest,
    };
  }

  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [categories, latest] = await Promise.all([
          listCategories(this.deps.db),
          latestArticles(this.deps.db, { limit: LATEST_HEADLINES }),
        ]);
        this.categories = categories;
        this.latest = latest.items.map((a) => ({ href: `/articles/${a.id}`, headline: a.headline, lang: a.lang }));
        this.loadedAt = Date.now();
      } catch (err) {
        // Keep serving the last snapshot; the failure itself surfaces through /healthz and the pages.
        this.deps.log.warn({ err }, 'site snapshot refresh failed');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
