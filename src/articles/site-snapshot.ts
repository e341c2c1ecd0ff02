// The site frame (src/web/site-frame.ts) as the articles capability keeps it: the category nav
// every page shows and the latest headlines error pages and side columns offer, kept in memory
// for a few seconds. Categories change only by migration or admin edit, so a short TTL is honest
// across processes; nothing here is a rendered-page cache.
import type { AppDeps } from '../deps.ts';
import type { FrameHeadline, SiteFrame } from '../web/site-frame.ts';
import { latestArticles, listCategories, type CategoryRef } from './read-store.ts';

const TTL_MS = 30_000;
const LATEST_HEADLINES = 8;

export class SiteSnapshot implements SiteFrame {
  private loadedCategories: CategoryRef[] = [];
  private latestHeadlines: FrameHeadline[] = [];
  private loadedAt = 0;
  private refreshing: Promise<void> | undefined;

  private changePending = false;
  private refreshAgain = false;
  private redelivering = false;

  constructor(private readonly deps: AppDeps) {
    // Latest headlines are exact like the pages that show them: an announced change reloads them,
    // then drops again the pages rendered from the old list meanwhile (src/web/page-cache.ts).
    deps.changes?.subscribe((tags) => {
      if (this.redelivering || !tags.some((t) => t === 'front' || t === '*')) return;
      if (this.changePending) {
        this.refreshAgain = true;
        return;
      }
      this.changePending = true;
      void this.refreshAfterChange(this.shown()).finally(() => {
        this.changePending = false;
      });
    });
  }

  /** What pages take from the snapshot, to tell whether a reload changed any of it. */
  private shown(): string {
    return JSON.stringify([this.loadedCategories, this.latestHeadlines]);
  }

  private async refreshAfterChange(before: string): Promise<void> {
    // A reload already under way may have read before the change: wait for it, then reload.
    await this.refreshing;
    await this.refresh();
    if (this.refreshAgain) {
      this.refreshAgain = false;
      return this.refreshAfterChange(before);
    }
    if (this.shown() === before) return;
    this.redelivering = true;
    try {
      this.deps.changes?.deliver(['front']);
    } finally {
      this.redelivering = false;
    }
  }

  /** Categories for the nav, refreshed when older than the TTL (awaits only the first load). */
  async categories(): Promise<CategoryRef[]> {
    if (this.loadedAt === 0) await this.refresh();
    else this.refreshIfStale();
    return this.loadedCategories;
  }

  cachedCategories(): CategoryRef[] {
    this.refreshIfStale();
    return this.loadedCategories;
  }

  /** The latest headlines (at most TTL old), for side columns and error pages. */
  latest(): FrameHeadline[] {
    this.refreshIfStale();
    return this.latestHeadlines;
  }

  private refreshIfStale(): void {
    if (Date.now() - this.loadedAt > TTL_MS) void this.refresh();
  }

  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [categories, latest] = await Promise.all([
          listCategories(this.deps.db),
          latestArticles(this.deps.db, { limit: LATEST_HEADLINES }),
        ]);
        this.loadedCategories = categories;
        this.latestHeadlines = latest.items.map((a) => ({ href: `/articles/${a.id}`, headline: a.headline, lang: a.lang }));
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
