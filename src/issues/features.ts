// Turns an article's headline and body into the weighted term bag the clustering compares.
// Terms come from the shared analyzer (src/text); the headline counts more than the body because
// presses put the event's key nouns there, while bodies wander into background.
import { clusterTerms } from './tokens.ts';

export type TermBag = Map<string, number>;

export interface FeatureOptions {
  headlineWeight: number;
  /** Body characters looked at; long features repeat the same terms and only cost time. */
  maxBodyChars: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { headlineWeight: 3, maxBodyChars: 4000 };

export function articleTerms(headline: string, body: string, opts: FeatureOptions = DEFAULT_FEATURES): TermBag {
  const bag: TermBag = new Map();
  for (const t of clusterTerms(headline)) bag.set(t, (bag.get(t) ?? 0) + opts.headlineWeight);
  const text = body.length > opts.maxBodyChars ? body.slice(0, opts.maxBodyChars) : body;
  for (const t of clusterTerms(text)) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}
