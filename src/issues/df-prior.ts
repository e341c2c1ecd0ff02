// The document-frequency prior a new or small portal starts from. With a handful of articles the
// portal's own IDF is noise: after three reports of one event every shared word is "in every
// document" and weighs nothing, so the reports never meet. The prior is the bundled demo content
// (fictional articles written for Sosik, MIT like the code, src/demo/content): words every press
// uses (오늘, 밝혔다, 지난, the, said) are common there and weigh little from the first article on.
// It is computed from the shipped files, once per process, with the same features as real
// articles, so it never goes stale when the analyzer changes. Never built from ../shared data.
import { type DemoArticleFile, loadDemoArticles } from '../demo/index.ts';
import { htmlToText } from '../html/sanitize.ts';
import { ClusterEngine } from './engine.ts';
import { articleTerms, type FeatureOptions } from './features.ts';
import { SHIPPED_CLUSTERING, type ClusteringSettings } from './settings.ts';
import type { DfPrior } from './vocabulary.ts';

/**
 * Document frequencies of the demo articles under the given features (no files: an empty prior).
 * All reports of one demo event count as ONE document: a word five presses used for one snowstorm
 * is that story's word, not everyday language, and must not be weighed down in the next snowstorm.
 */
export function demoDfPrior(
  features: FeatureOptions,
  articles: readonly DemoArticleFile[] = loadDemoArticles(),
): DfPrior {
  const groups = new Map<string, Set<string>>();
  const latinGroups = new Set<string>();
  for (const [n, { event, item }] of articles.entries()) {
    if (typeof item?.headline !== 'string' || typeof item.body_html !== 'string') continue;
    const key = typeof event === 'string' ? `event:${event}` : `file:${n}`;
    const terms = groups.get(key) ?? new Set<string>();
    for (const term of articleTerms(item.headline, htmlToText(item.body_html), features).keys()) terms.add(term);
    groups.set(key, terms);
    if (item.language === 'en') latinGroups.add(key);
  }
  const df = new Map<string, number>();
  for (const terms of groups.values()) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  return { docs: groups.size, df, latinDocs: latinGroups.size };
}

const cache = new WeakMap<FeatureOptions, DfPrior>();

/** The prior for these settings (memoised per features object), or undefined when they use none. */
export function priorFor(settings: ClusteringSettings): DfPrior | undefined {
  if (!settings.prior) return undefined;
  let prior = cache.get(settings.features);
  if (!prior) cache.set(settings.features, (prior = demoDfPrior(settings.features)));
  return prior;
}

/** A fresh engine with the settings' configuration and prior: every engine the portal runs starts here. */
export function createEngine(settings: ClusteringSettings = SHIPPED_CLUSTERING): ClusterEngine {
  return new ClusterEngine(settings.engine, priorFor(settings));
}
