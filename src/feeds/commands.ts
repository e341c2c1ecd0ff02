// CLI commands of the feeds capability (merged into `sosik` by src/cli.ts). Keys are the command words.
import { pressIdBySlug } from '../press/index.ts';
import fs from 'node:fs';
import type { Command } from '../cli-types.ts';
import { Errors } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { FeedError } from './feed-error.ts';
import { parseFeedUrl } from './fetch/safe-fetch.ts';
import { importOpml } from './opml.ts';
import { pollDueFeeds, pollFeed, type PollOutcome } from './poll.ts';
import { addFeed, getFeed, listFeeds } from './store.ts';

function describeOutcome(o: PollOutcome, url: string): string {
  switch (o.status) {
    case 'ok':
      return `ok        ${url}  (${o.seen} items, ${o.taken} new or changed${o.failedItems ? `, ${o.failedItems} failed` : ''})`;
    case 'not-modified':
      return `unchanged ${url}`;
    case 'error':
      return `error     ${url}  ${failure(o.code, o.message)}`;
    case 'skipped':
      return `skipped   ${url}  (polled by another process)`;
  }
}

/** What went wrong, in words (the same catalogue /studio/feeds uses), then the code and the detail. */
function failure(code: string, detail: string | null): string {
  return `${t('en', `feeds.error.${code}`)} (${code}: ${detail ?? ''})`;
}

function when(ms: number | null): string {
  return ms ? new Date(ms).toISOString() : '-';
}

export const feedsCommands: Record<string, Command> = {
  'feeds add': {
    usage: 'feeds add --press <slug> <url> [--interval <seconds>]',
    summary: "Register a feed (RSS, Atom or JSON Feed) to pull into a press's articles.",
    options: { press: 'string', url: 'string', interval: 'string' },
    run: async (ctx) => {
      const slug = ctx.flags.press;
      const raw = ctx.args[0] ?? ctx.flags.url;
      if (!slug || !raw) throw Errors.missingOption('feeds add --press <slug> <url>');
      let url: string;
      try {
        url = parseFeedUrl(raw).href;
      } catch (err) {
        throw Errors.invalidFeedUrl((err as FeedError).message);
      }
      const interval = ctx.flags.interval ? Number(ctx.flags.interval) : ctx.config.feedsIntervalSeconds;
      if (!Number.isInteger(interval) || interval < 60)
        throw Errors.invalidOption('--interval is a whole number of seconds, at least 60.');
      return ctx.withRuntime(async (rt) => {
        const pressId = await pressIdBySlug(rt.deps.db, slug);
        if (pressId === undefined)
          throw Errors.notFound(
            'press',
            `No press "${slug}" (create it with: sosik press add --slug ${slug} --name …).`,
          );
        const { feed, created } = await addFeed(rt.deps.db, { pressId, url, intervalSeconds: interval });
        ctx.print(
          created
            ? `added feed ${feed.id} for ${slug}: ${url} (every ${interval} s)`
            : `feed ${feed.id} already registered for ${slug}: ${url}`,
        );
      });
    },
  },
  'feeds import': {
    usage: 'feeds import <file.opml>',
    summary: 'Import an OPML file: creates the presses (press="slug" attribute, else the site host) and their feeds.',
    run: async (ctx) => {
      const file = ctx.args[0];
      if (!file) throw Errors.missingOption('feeds import <file.opml>');
      const text = fs.readFileSync(file, 'utf8');
      return ctx.withRuntime(async (rt) => {
        try {
          const s = await importOpml(rt.deps, text);
          ctx.print(
            `created ${s.pressesCreated.length} presses${s.pressesCreated.length ? ` (${s.pressesCreated.join(', ')})` : ''}, ${s.feedsCreated} feeds; ${s.feedsExisting} feeds were already registered`,
          );
        } catch (err) {
          if (err instanceof FeedError) throw Errors.invalidOpml(err.message);
          throw err;
        }
      });
    },
  },
  'feeds poll': {
    usage: 'feeds poll [--feed <id>]',
    summary: 'Poll every due feed once (or one feed now) and exit; for cron when SOSIK_FEEDS_POLL=0.',
    options: { feed: 'string' },
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        const urls = new Map((await listFeeds(rt.deps.db)).map((f) => [f.id, f.url]));
        let outcomes: PollOutcome[];
        if (ctx.flags.feed) {
          const feed = await getFeed(rt.deps.db, Number(ctx.flags.feed));
          if (!feed) throw Errors.notFound(`feed ${ctx.flags.feed}`);
          outcomes = [await pollFeed(rt.deps, feed)];
        } else outcomes = await pollDueFeeds(rt.deps);
        for (const o of outcomes) ctx.print(describeOutcome(o, urls.get(o.feedId) ?? `feed ${o.feedId}`));
        ctx.print(`polled ${outcomes.length} feeds`);
        await rt.worker.drain();
        return outcomes.some((o) => o.status === 'error') ? 1 : 0;
      });
    },
  },
  'feeds list': {
    usage: 'feeds list [--press <slug>]',
    summary: 'Show every feed with its health: last success, last error, items taken, next poll.',
    options: { press: 'string' },
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        let pressId: number | undefined;
        if (ctx.flags.press) {
          pressId = await pressIdBySlug(rt.deps.db, ctx.flags.press);
          if (pressId === undefined) throw Errors.notFound(`press "${ctx.flags.press}"`);
        }
        const feeds = await listFeeds(rt.deps.db, pressId);
        if (!feeds.length) ctx.print('no feeds');
        for (const f of feeds) {
          const state = !f.enabled
            ? 'disabled'
            : f.error_count
              ? `failing x${f.error_count}`
              : f.last_success_at
                ? 'ok'
                : 'pending';
          ctx.print(
            [
              f.id,
              f.press_slug,
              state,
              f.url,
              `success ${when(f.last_success_at)}`,
              `taken ${f.items_taken}`,
              `next ${when(f.next_poll_at)}`,
              f.last_error_code ? failure(f.last_error_code, f.last_error) : '',
            ]
              .filter(Boolean)
              .join('\t'),
          );
        }
      });
    },
  },
};
