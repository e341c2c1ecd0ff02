// The live notice on My news ("새 기사 3건"): a server-sent event stream per open page, fed by the
// kernel's change bus, so an article that arrived through another process (PostgreSQL
// LISTEN/NOTIFY, Redis pub/sub) counts as soon as one that arrived here. One bus listener per
// process looks each announced article up once and wakes only the streams it may concern (a
// followed press or category, or a reporter, issue or keyword, which only a recount can tell);
// each stream recounts at most once per RECOUNT_GAP_MS (MAX_RECOUNTS at a time per process) and
// sends only when its count changed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { readerOf, requireReader } from '../readers/index.ts';
import { EventStreams, type EventStream } from '../web/event-stream.ts';
import { type Locale, t } from '../web/i18n/index.ts';
import { requestLocale } from '../web/locale.ts';
import { parseForm } from './input.ts';
import { countNewSince } from './my-news.ts';
import type { Subscription } from './store.ts';

export const LIVE_PATH = '/my/live';
/** The notice says "99" at most: past that the reader reloads either way. */
const CAP = 99;
/** A busy newsroom files in bursts; one recount per stream covers a burst. */
const RECOUNT_GAP_MS = 2000;
/**
 * Recounts running at once in this process: a change to everything (a bus reconnect) wakes every
 * stream, and the database should see a queue, not thousands of pages' queries at one instant.
 */
const MAX_RECOUNTS = 4;

const liveQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, 'a number')
    .transform(Number),
});

interface Watcher {
  readerId: number;
  locale: Locale;
  since: number;
  stream: EventStream;
  subscriptions: readonly Subscription[];
  sent: number;
  lastRecountAt: number;
  timer?: NodeJS.Timeout;
  running: boolean;
  again: boolean;
}

interface ChangedArticle {
  pressId: number;
  at: number;
  categories: number[];
}

function idsTagged(tags: readonly string[], prefix: string): number[] {
  return tags.flatMap((tag) => {
    if (!tag.startsWith(prefix)) return [];
    const id = Number(tag.slice(prefix.length));
    return Number.isSafeInteger(id) && id > 0 ? [id] : [];
  });
}

async function changedArticles(deps: AppDeps, ids: number[]): Promise<ChangedArticle[]> {
  const [rows, categories] = await Promise.all([
    deps.db
      .selectFrom('articles')
      // By primary key only, status checked here: beside `id in (…)` a status condition can lead
      // SQLite down a status index over the whole archive (see articles' cardsOfAnyStatus).
      .select(['id', 'press_id', 'first_created_at', 'status'])
      .where('id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('article_categories')
      .select(['article_id', 'category_id'])
      .where('article_id', 'in', ids)
      .execute(),
  ]);
  return rows
    .filter((r) => r.status === 'usable')
    .map((r) => ({
      pressId: r.press_id,
      at: Number(r.first_created_at),
      categories: categories.filter((c) => c.article_id === r.id).map((c) => c.category_id),
    }));
}

/** Whether a change may move this page's count (false only when it certainly cannot). */
function concerns(w: Watcher, articles: readonly ChangedArticle[], issueIds: readonly number[]): boolean {
  const follows = (kind: Subscription['kind'], id: number) =>
    w.subscriptions.some((s) => s.kind === kind && s.targetId === id);
  if (issueIds.some((id) => follows('issue', id))) return true;
  const unsure = w.subscriptions.some((s) => s.kind === 'reporter' || s.kind === 'keyword');
  return articles.some(
    (a) =>
      a.at > w.since && (unsure || follows('press', a.pressId) || a.categories.some((c) => follows('category', c))),
  );
}

class LiveNotices {
  private readonly watchers = new Set<Watcher>();
  private readonly queued: Watcher[] = [];
  private recounting = 0;
  readonly streams: EventStreams;

  constructor(private readonly deps: AppDeps) {
    this.streams = new EventStreams({
      perProcess: deps.config.liveStreams,
      perAddress: deps.config.liveStreamsPerAddress,
      heartbeatMs: deps.config.liveHeartbeatSeconds * 1000,
    });
  }

  watch(w: Omit<Watcher, 'subscriptions' | 'sent' | 'lastRecountAt' | 'running' | 'again'>): void {
    const watcher: Watcher = { ...w, subscriptions: [], sent: 0, lastRecountAt: 0, running: false, again: false };
    this.watchers.add(watcher);
    w.stream.onClose(() => {
      clearTimeout(watcher.timer);
      this.watchers.delete(watcher);
    });
    // What arrived between the page's render and this stream counts too.
    this.schedule(watcher);
  }

  /** The bus listener: never throws (a failed lookup is logged; the next change tries again). */
  heard(tags: readonly string[]): void {
    if (this.watchers.size === 0) return;
    const everything = tags.includes('*');
    const articleIds = idsTagged(tags, 'article:');
    const issueIds = idsTagged(tags, 'issue:');
    if (!everything && articleIds.length === 0 && issueIds.length === 0) return;
    const lookup = everything || articleIds.length === 0 ? Promise.resolve([]) : changedArticles(this.deps, articleIds);
    lookup
      .then((articles) => {
        for (const w of this.watchers) if (everything || concerns(w, articles, issueIds)) this.schedule(w);
      })
      .catch((err) => this.deps.log.warn({ err }, 'live notice lookup failed'));
  }

  private schedule(w: Watcher): void {
    if (w.running) {
      w.again = true;
      return;
    }
    if (w.timer) return;
    const wait = Math.max(0, w.lastRecountAt + RECOUNT_GAP_MS - Date.now());
    w.timer = setTimeout(() => this.enqueue(w), wait);
    w.timer.unref();
  }

  /** A queued recount counts as running: a change meanwhile asks for one more after it. */
  private enqueue(w: Watcher): void {
    w.timer = undefined;
    w.running = true;
    if (this.recounting < MAX_RECOUNTS) void this.recount(w);
    else this.queued.push(w);
  }

  private async recount(w: Watcher): Promise<void> {
    this.recounting++;
    try {
      if (!this.watchers.has(w)) return;
      const { count, subscriptions } = await countNewSince(this.deps, w.readerId, w.since, CAP);
      w.subscriptions = subscriptions;
      if (count !== w.sent && this.watchers.has(w)) {
        w.sent = count;
        w.stream.send('news', { count, text: t(w.locale, 'subscriptions.live.notice', { count }) });
      }
    } catch (err) {
      this.deps.log.warn({ err }, 'live notice count failed');
    } finally {
      this.recounting--;
      w.running = false;
      w.lastRecountAt = Date.now();
      if (w.again && this.watchers.has(w)) {
        w.again = false;
        this.schedule(w);
      }
      const next = this.queued.shift();
      if (next) void this.recount(next);
    }
  }
}

export async function liveRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const live = new LiveNotices(deps);
  live.streams.closeWith(app);
  const stop = deps.changes?.subscribe((tags) => live.heard(tags));
  app.addHook('onClose', async () => stop?.());

  app.get(LIVE_PATH, { preHandler: requireReader(deps) }, async (request, reply) => {
    if (deps.config.liveStreams === 0) throw Errors.notFound();
    const { since } = parseForm(liveQuery, request.query);
    const reader = readerOf(request);
    const stream = live.streams.start(request, reply);
    live.watch({ readerId: reader.id, locale: requestLocale(request), since, stream });
    return reply;
  });
}
