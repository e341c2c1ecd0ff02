// The capability manifest: the one seam between the kernel and a capability. A capability is a
// folder with a `capability.ts` that exports one of these and an `index.ts` that other
// capabilities may import; src/app.ts lists the manifests, and `assembleRegistry` turns them into
// the lookup tables the kernel reads at run time (src/registry.ts). Nothing registers itself at
// import time. The types every capability and the kernel share live here, in one file, because
// they refer to one another (a manifest's handlers take AppDeps, which carries the Registry).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { VNode } from 'preact';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { ChangeBus } from './db/change-bus.ts';
import type { Db, DbHandle, Dialect } from './db/database.ts';
import type { Database } from './db/schema.ts';
import type { Locale } from './web/i18n/index.ts';
import type { PageContext } from './web/page-context.ts';
import type { SiteFrame } from './web/site-frame.ts';

/** A kind of durable background work: a zod schema for its payload and an idempotent handler. */
export interface JobKind<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /** Must be idempotent: a job may run more than once (a worker died holding it). */
  run(payload: P, deps: AppDeps): Promise<unknown>;
  /**
   * Optional: does the work of many jobs of this kind at once (one query for many articles), with
   * the same effect as `run` on each payload. The worker uses it when it claimed several; if it
   * throws, the worker runs those jobs one by one with `run`, so a bad payload fails only its job.
   */
  runBatch?(payloads: P[], deps: AppDeps): Promise<unknown>;
}

/** Helper that keeps the payload type of a job kind's schema and handler in step. */
export function defineJob<P>(job: JobKind<P>): JobKind<P> {
  return job;
}

/** What an article-page slot is told about the article it sits on. */
export interface ArticleSlotInput {
  id: number;
  pressId: number;
  lang: string;
}

export type ArticleSlot = (deps: AppDeps, article: ArticleSlotInput, page: PageContext) => Promise<VNode | null>;
export type HomeSlot = (deps: AppDeps, page: PageContext) => Promise<VNode | null>;

/** Something a reader can follow, as the page showing it names it. */
export interface FollowTarget {
  kind: 'press' | 'reporter' | 'issue' | 'category';
  id: number;
  /** As the page shows it, in the page's language. */
  name: string;
}
/** A follow (subscribe) control for a target; it sees the request because it depends on who asks. */
export type FollowSlot = (
  deps: AppDeps,
  target: FollowTarget,
  request: FastifyRequest,
  page: PageContext,
) => Promise<VNode | null>;

/** The home page's order: the choice between orders, and the list that replaces its lead section. */
export interface HomeOrder {
  /** The order choice (latest / main news / for you), shown above what it orders. */
  switcher: VNode;
  /** The ordered list, when the chosen order is not the home's own (main news). */
  main?: VNode;
}
/** Orders the home page; it sees the request because the choice and the reader are per request. */
export type HomeOrderSlot = (deps: AppDeps, request: FastifyRequest, page: PageContext) => Promise<HomeOrder | null>;

/** Parts of reader pages that capabilities other than the page's owner fill. */
export interface PageSlots {
  /** Small links above the headline (e.g. the article's issue). */
  articleHeader?: ArticleSlot;
  /** Between the article's header and its body (e.g. the automatic summary). */
  articleLead?: ArticleSlot;
  /** Sections after the article body, in capability order (comments, related articles…). */
  articleSection?: ArticleSlot;
  /** Boxes in the article page's side column. */
  articleAside?: ArticleSlot;
  /** Boxes in the home page's side column. */
  homeBox?: HomeSlot;
  /** The follow control beside a press, reporter, issue or category (one capability fills it). */
  followControl?: FollowSlot;
  /** The home page's order choice and, for a chosen order, its list (one capability fills it). */
  homeOrder?: HomeOrderSlot;
}

/** An entry in the staff bar; `roles` omitted means every staff member. */
/** A reader's own page a capability brings (subscriptions, notifications…), listed on /account. */
export interface ReaderNavEntry {
  href: string;
  /** i18n key of the label. */
  label: string;
}

export interface StaffNavEntry {
  href: string;
  /** i18n key of the label. */
  label: string;
  /** A different label for some roles (press staff see "our articles" where admins see "presses"). */
  labelByRole?: Partial<Record<'admin' | 'editor' | 'press', string>>;
  roles?: ReadonlyArray<'admin' | 'editor' | 'press'>;
  /** Path prefixes that also count as "this entry" for aria-current; defaults to `${href}/`. */
  matches?: readonly string[];
}

/** A set of articles with its own published feeds at `/<prefix>/:slug/feed.xml` (and atom, json). */
export interface FeedSource {
  /** First path segment of its pages, e.g. "issues". */
  prefix: string;
  /** What one set is called, naming the i18n keys `feeds.title.<noun>` and `feeds.description.<noun>`. */
  noun: string;
  lookup(deps: AppDeps, slug: string): Promise<{ title: string; articleIds: number[] } | undefined>;
}

/** An account as the one sign-in form (/login) checks it: found by e-mail, verified by its hash. */
export interface PasswordAccount {
  id: number;
  /** Null: this account has no password (it signs in another way) and never matches. */
  passwordHash: string | null;
  /** False for a disabled account: it gets the same answer as a wrong password. */
  maySignIn: boolean;
}

/** How a session's principal (who signed in) is loaded, per kind of account. */
export interface PrincipalKind<P = unknown> {
  kind: string;
  load(db: Db, principalId: number): Promise<P | null>;
  /**
   * Kinds whose accounts sign in with e-mail and password on /login. Every such kind is checked
   * on every attempt (same work whichever exists), in capability order; the first match wins.
   */
  passwordSignIn?: {
    find(db: Db, email: string): Promise<PasswordAccount | null>;
    /** Where a fresh sign-in lands when the form named no page to return to. */
    home: string;
    /** Where /login sends someone of this kind who is already signed in (default: `home`). */
    signedInHome?: string;
  };
  /** Other ways to sign in, linked under the sign-in form (e.g. an identity provider). */
  otherSignIns?(deps: AppDeps, locale: Locale): Array<{ href: string; label: string }>;
}

/** Transaction handle a data hook writes through (the caller commits or rolls back). */
export type Trx = Transaction<Database>;

/**
 * What a capability holds about one reader, for the reader's own export (/account/export) and
 * for deleting the account (/account/delete). Every capability that stores reader data declares one.
 */
export interface ReaderDataPart {
  /** JSON-serialisable; becomes the export's `<capability name>` member. */
  export(deps: AppDeps, readerId: number): Promise<unknown>;
  /** Removes (or anonymises) this capability's data inside the deletion's transaction. */
  delete(deps: AppDeps, readerId: number, trx: Trx): Promise<void>;
}

/** A capability's static folder (`new URL('./static/', import.meta.url)`) and its page stylesheets. */
export interface CapabilityAssets {
  dir: URL;
  stylesheets?: readonly string[];
}

/** OpenAPI 3.1 fragments a capability documents. */
export interface OpenApiPart {
  paths?: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  securitySchemes?: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each job kind has its own payload type (checked by defineJob)
export type AnyJobKind = JobKind<any>;

export interface Capability {
  name: string;
  /** HTTP routes, registered in their own Fastify plugin scope. */
  routes?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  jobs?: readonly AnyJobKind[];
  /** Job kinds enqueued with `{ articleId }` in the same transaction as every article change. */
  onArticleChanged?: readonly string[];
  /** `sosik <words>` commands. */
  commands?: Readonly<Record<string, Command>>;
  openApi?: OpenApiPart;
  slots?: PageSlots;
  staffNav?: readonly StaffNavEntry[];
  readerNav?: readonly ReaderNavEntry[];
  feedSources?: readonly FeedSource[];
  principals?: readonly PrincipalKind[];
  /** This capability's part of a reader's data export and account deletion. */
  readerData?: ReaderDataPart;
  /** Path prefixes of this capability's pages that must never be served from the page cache. */
  uncachedPaths?: readonly string[];
  /**
   * Static files the capability brings (its own folder, served at `/static/<name>/`) and the
   * stylesheets among them that every reader page links, after the site's own.
   */
  assets?: CapabilityAssets;
  /** The source of the category menu and latest headlines every page frame shows (one capability). */
  siteFrame?(deps: AppDeps): SiteFrame;
  /** Runs once when `sosik serve` starts, before it listens (e.g. filling an empty database). */
  onServe?(deps: AppDeps): Promise<void>;
  /** Starts a background loop in `sosik serve` (e.g. feed polling); returns its stop function. */
  startBackground?(deps: AppDeps): () => Promise<void>;
}

/** What the kernel reads from the manifests, assembled once per process. */
export interface Registry {
  readonly capabilities: readonly Capability[];
  readonly jobs: ReadonlyMap<string, AnyJobKind>;
  readonly articleChangedJobs: readonly string[];
  readonly commands: Readonly<Record<string, Command>>;
  readonly openApi: Required<OpenApiPart>;
  readonly slots: { readonly [K in keyof PageSlots]-?: ReadonlyArray<NonNullable<PageSlots[K]>> };
  readonly staffNav: readonly StaffNavEntry[];
  readonly readerNav: readonly ReaderNavEntry[];
  readonly feedSources: readonly FeedSource[];
  readonly principals: ReadonlyMap<string, PrincipalKind>;
  /** Capabilities holding reader data, in capability order (deletion runs them in reverse). */
  readonly readerData: ReadonlyArray<{ capability: string; part: ReaderDataPart }>;
  readonly uncachedPaths: readonly string[];
  /** Each capability's static folder with its URL prefix, and every stylesheet's versioned URL. */
  readonly assets: ReadonlyArray<{ prefix: string; dir: string }>;
  readonly stylesheets: readonly string[];
  readonly siteFrame: ((deps: AppDeps) => SiteFrame) | undefined;
}

/** What every service, route and job handler receives: plain values, no globals. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
  log: Logger;
  /** What the capability manifests declare (job kinds, slots, feeds, commands…), assembled once. */
  registry: Registry;
  /** Wakes the in-process job worker after a commit that enqueued work (no-op without one). */
  nudgeJobs(): void;
  /**
   * Announces what changed, after commit, to this and every other process (src/db/change-bus.ts);
   * absent in hand-built test deps, where `announceChanges` does nothing.
   */
  changes?: ChangeBus;
}

/** The durable job worker as commands see it (src/jobs/worker.ts). */
export interface JobRunner {
  start(): void;
  nudge(): void;
  stop(): Promise<void>;
  /** Runs every due job now; returns how many ran. */
  drain(): Promise<number>;
}

/** What a command that opened the database holds (src/runtime.ts `openRuntime` makes one). */
export interface Runtime {
  deps: AppDeps;
  handle: DbHandle;
  worker: JobRunner;
  /** The worker and the background loops run in their own thread (`sosik serve`): do not start the loops here. */
  jobsInThread?: boolean;
  close(): Promise<void>;
}

export interface CommandContext {
  config: Config;
  /** Positional arguments after the command words. */
  args: string[];
  /** The declared --options given, by name (boolean options are "true"). */
  flags: Record<string, string>;
  /** Opens the database (migrated), logger and job worker; the caller closes it. */
  open(): Promise<Runtime>;
  /** Opens the runtime, runs `fn`, and closes the runtime whatever happens (one-shot commands). */
  withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T>;
  print(line: string): void;
}

/** A `sosik <words>` command; a capability's manifest maps the words to one of these. */
export interface Command {
  usage: string;
  summary: string;
  /** The --options it takes; any other option is refused before it runs (node:util parseArgs). */
  options?: Readonly<Record<string, 'string' | 'boolean'>>;
  run(ctx: CommandContext): Promise<number | void>;
}
