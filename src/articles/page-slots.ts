// Parts of the reader pages that other capabilities fill: the issue tag on an article and the
// "top issues now" box on the home page. They are looked up once, guarded, so the pages still
// render (without those parts) when the provider is missing or throws.
//
// The provider today is src/issues/page-slots.ts; the contract is the PageSlots interface below.
import type { VNode } from 'preact';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';

export interface IssueTag {
  name: string;
  slug: string;
}

export interface PageSlots {
  issueTagForArticle(deps: AppDeps, articleId: number): Promise<IssueTag | null>;
  topIssuesNow(deps: AppDeps, locale: Locale): Promise<VNode | null>;
}

const CANDIDATE_MODULES = ['../issues/page-slots.ts', '../issues/capability.ts'];

type SlotModule = Partial<Record<keyof PageSlots, unknown>>;

// Looked up once per process (module imports are cached anyway); the first caller's logger is kept.
let loaded: Promise<PageSlots> | undefined;

async function findExport<K extends keyof PageSlots>(log: AppDeps['log'], name: K): Promise<PageSlots[K] | undefined> {
  for (const specifier of CANDIDATE_MODULES) {
    try {
      const mod = (await import(specifier)) as SlotModule;
      if (typeof mod[name] === 'function') return mod[name] as PageSlots[K];
    } catch (err) {
      // A module that does not exist (yet) leaves the slot empty; a broken one is worth a log line.
      const code = (err as { code?: string }).code;
      if (code !== 'ERR_MODULE_NOT_FOUND' && !/Failed to load url|Cannot find module/.test(String(err))) {
        log.error({ err, specifier }, 'page slot module failed to load');
      }
    }
  }
  return undefined;
}

/** Never throws: a failing slot provider leaves its slot empty and logs, the page still renders. */
function guarded<A extends unknown[], R>(log: AppDeps['log'], name: string, fn: ((...args: A) => Promise<R>) | undefined) {
  return async (...args: A): Promise<R | null> => {
    if (!fn) return null;
    try {
      return (await fn(...args)) ?? null;
    } catch (err) {
      log.error({ err, slot: name }, 'page slot failed');
      return null;
    }
  };
}

export function loadPageSlots(log: AppDeps['log']): Promise<PageSlots> {
  loaded ??= (async () => {
    const [issueTag, topIssues] = await Promise.all([findExport(log, 'issueTagForArticle'), findExport(log, 'topIssuesNow')]);
    return {
      issueTagForArticle: guarded(log, 'issueTagForArticle', issueTag),
      topIssuesNow: guarded(log, 'topIssuesNow', topIssues),
    };
  })();
  return loaded;
}
