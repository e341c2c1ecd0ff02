// The site frame (src/web/site-frame.ts) as the articles capability keeps it: the category nav
// every page shows and the latest headlines error pages and side columns offer, kept in memory
// for a few seconds. Categories change only by migration or admin edit, so a short TTL is honest
// across processes; nothing here is a rendered-page cache.
import type { AppDeps } from '../deps.ts';
import { onArticleCommitted } from '../jobs/article-events.ts';
import type { FrameBreaking, FrameHeadline, SiteFrame } from '../web/site-frame.ts';
import { BREAKING_WINDOW_MS, newestBreaking } from './breaking.ts';
import { latestArticles, listCategories, type CategoryRef } from './read-store.ts';

const TTL_MS = 30_000;
const LATEST_HEADLINES = 8;

export class SiteSnapshot implements SiteFrame {
  private loadedCategories: CategoryRef[] = [];
  private latestHeadlines: FrameHeadline[] = [];
  private breakingArticle: FrameBreaking | undefined;
  private loadedAt = 0;
  private refreshing: Promise<void> | undefined;
  private again = false;

  private changePending = false;
  private refreshAgain = false;
  private redelivering = false;

  constructor(private readonly deps: AppDeps) {
    // A withdrawal (or a new 속보) committed by this process shows on the next page, not in 30 s.
    onArticleCommitted(deps.db, () => this.refreshNow());
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

  /** The breaking banner's article, while it is under an hour old. */
  breaking(): FrameBreaking | undefined {
    this.refreshIfStale();
    const b = this.breakingArticle;
    return b && Date.now() - b.at < BREAKING_WINDOW_MS ? b : undefined;
  }

  /** Refreshes now, even when a refresh already running started before the change committed. */
  async refreshNow(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    return this.refresh();
  }

  private refreshIfStale(): void {
    if (Date.now() - this.loadedAt > TTL_MS) void this.refresh();
  }

  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [categories, latest, breaking] = await Promise.all([
          listCategories(this.deps.db),
          latestArticles(this.deps.db, { limit: LATEST_HEADLINES }),
          newestBreaking(this.deps.db),
        ]);
        this.loadedCategories = categories;
        this.latestHeadlines = latest.items.map((a) => ({
          href: `/articles/${a.id}`,
          headline: a.headline,
          lang: a.lang,
        }));
        this.breakingArticle = breaking && { ...breaking, href: `/articles/${breaking.id}` };
        this.loadedAt = Date.now();
      } catch (err) {
        // Keep serving the last snapshot; the failure itself surfaces through /healthz and the pages.
        this.deps.log.warn({ err }, 'site snapshot refresh failed');
      } finally {
        this.refreshing = undefined;
      }
      if (this.again) {
        this.again = false;
        await this.refresh();
      }
    })();
    return this.refreshing;
  }
}
