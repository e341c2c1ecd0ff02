// Turns an article's headline and body into the weighted term bag the clustering compares.
// Terms come from the shared analyzer (src/text); the headline counts more than the body because
// presses put the event's key nouns there, while bodies wander into background.
import { addKeyphrases, type KeyphraseWeights } from './keyphrases.ts';
import { tokenize } from '../text/index.ts';
import { BIGRAM, clusterTermsOf, HEADLINE_ECHO } from './tokens.ts';

export type TermBag = Map<string, number>;

export interface FeatureOptions extends KeyphraseWeights {
  headlineWeight: number;
  /** Body characters looked at; long features repeat the same terms and only cost time. */
  maxBodyChars: number;
  /** Weight of a character bigram relative to a whole word. */
  bigramWeight: number;
  /** Weight of the headline's own words again, in a namespace only headlines write (0 disables). */
  headlineEchoWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  headlineWeight: 3,
  maxBodyChars: 4000,
  bigramWeight: 1,
  // Two headlines naming the same thing are the strongest sign of one event (WikiRef +0.013 F1).
  headlineEchoWeight: 2,
  // Half a word each: on the public sets they mostly repeat what the words already say (KorQuAD
  // lost 0.005–0.01 F1 at full weight); their work is the cases words miss.
  quantityWeight: 0.5,
  quoteWeight: 0.5,
  placeWeight: 0.5,
  nameKeyWeight: 1,
};

export function articleTerms(headline: string, body: string, opts: FeatureOptions = DEFAULT_FEATURES): TermBag {
  const bag: TermBag = new Map();
  const add = (t: string, w: number) => bag.set(t, (bag.get(t) ?? 0) + (t[0] === BIGRAM ? w * opts.bigramWeight : w));
  const text = body.length > opts.maxBodyChars ? body.slice(0, opts.maxBodyChars) : body;
  // Keyphrases first: where the engine cuts a long article's terms at equal weight, the earlier stay.
  const headlineTokens = tokenize(headline);
  const bodyTokens = tokenize(text);
  addKeyphrases({ headline, body: text, headlineTokens, bodyTokens }, opts, add);
  for (const t of clusterTermsOf(headlineTokens)) {
    add(t, opts.headlineWeight);
    if (opts.headlineEchoWeight > 0 && t[0] !== BIGRAM) add(HEADLINE_ECHO + t, opts.headlineEchoWeight);
  }
  for (const t of clusterTermsOf(bodyTokens)) add(t, 1);
  return bag;
}
