// The capability manifest: the one seam between the kernel and a capability. A capability is a
// folder with a `capability.ts` that exports one of these and an `index.ts` that other
// capabilities may import; src/app.ts lists the manifests, and `assembleRegistry` turns them into
// the lookup tables the kernel reads at run time. Nothing registers itself at import time.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import type { Command } from './cli-types.ts';
import type { AppDeps } from './deps.ts';
import type { Db } from './db/database.ts';
import type { PageContext } from './web/page-context.ts';
import type { SiteFrame } from './web/site-frame.ts';

/** A kind of durable background work: a zod schema for its payload and an idempotent handler. */
export interface JobKind<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /** Must be idempotent: a job may run more than once (a worker died holding it). */
  run(payload: P, deps: AppDeps): Promise<unknown>;
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

/** Parts of reader pages that capabilities other than the page's owner fill. */
export interface PageSlots {
  /** Small links above the headline (e.g. the article's issue). */
  articleHeader?: ArticleSlot;
  /** Sections after the article body, in capability order (comments, related articles…). */
  articleSection?: ArticleSlot;
  /** Boxes in the article page's side column. */
  articleAside?: ArticleSlot;
  /** Boxes in the home page's side column. */
  homeBox?: HomeSlot;
}

/** An entry in the staff bar; `roles` omitted means every staff member. */
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

/** How a session's principal (who signed in) is loaded, per kind of account. */
export interface PrincipalKind<P = unknown> {
  kind: string;
  load(db: Db, principalId: number): Promise<P | null>;
}

/** OpenAPI 3.1 fragments a capability documents. */
export interface OpenApiPart {
  paths?: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  securitySchemes?: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each job kind has its own payload type (checked by defineJob)
type AnyJobKind = JobKind<any>;

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
  feedSources?: readonly FeedSource[];
  principals?: readonly PrincipalKind[];
  /** Path prefixes of this capability's pages that must never be served from the page cache. */
  uncachedPaths?: readonly string[];
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
  readonly feedSources: readonly FeedSource[];
  readonly principals: ReadonlyMap<string, PrincipalKind>;
  readonly uncachedPaths: readonly string[];
  readonly siteFrame: ((deps: AppDeps) => SiteFrame) | undefined;
}

function uniqueInto<V>(map: Map<string, V>, key: string, value: V, what: string, owner: string): void {
  if (map.has(key)) throw new Error(`${what} "${key}" is declared twice (again by ${owner})`);
  map.set(key, value);
}

export function assembleRegistry(capabilities: readonly Capability[]): Registry {
  const jobs = new Map<string, AnyJobKind>();
  const principals = new Map<string, PrincipalKind>();
  const commands = new Map<string, Command>();
  const openApi: Required<OpenApiPart> = { paths: {}, schemas: {}, securitySchemes: {} };
  const slots = { articleHeader: [], articleSection: [], articleAside: [], homeBox: [] } as {
    [K in keyof PageSlots]-?: Array<NonNullable<PageSlots[K]>>;
  };
  for (const c of capabilities) {
    for (const job of c.jobs ?? []) uniqueInto(jobs, job.kind, job, 'job kind', c.name);
    for (const p of c.principals ?? []) uniqueInto(principals, p.kind, p, 'principal kind', c.name);
    for (const [name, cmd] of Object.entries(c.commands ?? {})) uniqueInto(commands, name, cmd, 'command', c.name);
    Object.assign(openApi.paths, c.openApi?.paths);
    Object.assign(openApi.schemas, c.openApi?.schemas);
    Object.assign(openApi.securitySchemes, c.openApi?.securitySchemes);
    for (const key of Object.keys(slots) as Array<keyof PageSlots>) {
      const slot = c.slots?.[key];
      if (slot) (slots[key] as unknown[]).push(slot);
    }
  }
  const articleChangedJobs = capabilities.flatMap((c) => c.onArticleChanged ?? []);
  for (const kind of articleChangedJobs) {
    if (!jobs.has(kind)) throw new Error(`onArticleChanged names job kind "${kind}", which no capability declares`);
  }
  const frames = capabilities.filter((c) => c.siteFrame);
  if (frames.length > 1) throw new Error(`siteFrame is declared by ${frames.map((c) => c.name).join(' and ')}; one may`);
  return Object.freeze({
    capabilities,
    jobs,
    articleChangedJobs,
    commands: Object.fromEntries(commands),
    openApi,
    slots,
    staffNav: capabilities.flatMap((c) => c.staffNav ?? []),
    feedSources: capabilities.flatMap((c) => c.feedSources ?? []),
    principals,
    uncachedPaths: capabilities.flatMap((c) => c.uncachedPaths ?? []),
    siteFrame: frames[0]?.siteFrame,
  });
}
