// Scoring comments with the committed model: pure functions over a loaded model, no I/O after load.
// A head's score is the mean of its linear members' logistic outputs, in [0, 1].
import fs from 'node:fs';
import path from 'node:path';
import { extractFeatures } from './features.ts';
import { decodeModel, type LoadedHead, type LoadedModel } from './model-file.ts';

export const DEFAULT_MODEL_PATH = path.join(import.meta.dirname, 'model', 'toxicity.bin');

/** Longer comments are scored on their first this many characters, so scoring time stays bounded. */
export const MAX_SCORED_CHARS = 2000;

export type ToxicityModel = LoadedModel;

export function loadToxicityModel(file: string = DEFAULT_MODEL_PATH): ToxicityModel {
  return decodeModel(fs.readFileSync(file));
}

let defaultModel: ToxicityModel | undefined;

/** The committed model, read once per process. */
export function defaultToxicityModel(): ToxicityModel {
  defaultModel ??= loadToxicityModel();
  return defaultModel;
}

function scoreHead(head: LoadedHead, text: string, title?: string): number {
  const body = text.length > MAX_SCORED_CHARS ? text.slice(0, MAX_SCORED_CHARS) : text;
  const heading = title && title.length > 300 ? title.slice(0, 300) : title;
  let sum = 0;
  // Members sharing a weighting share one feature extraction.
  const vectors = new Map<string, ReturnType<typeof extractFeatures>>();
  for (const m of head.members) {
    let x = vectors.get(m.weighting);
    if (!x) {
      x = extractFeatures(head.header.features, m.weighting, body, heading);
      vectors.set(m.weighting, x);
    }
    let z = 0;
    for (let i = 0; i < x.idx.length; i++) z += m.weights[x.idx[i]] * x.val[i];
    sum += 1 / (1 + Math.exp(-(z * m.scale + m.bias)));
  }
  return sum / head.members.length;
}

/** How toxic (hateful or offensive) a comment is, in [0, 1]; `title` is the article's headline. */
export function scoreToxicity(model: ToxicityModel, text: string, title?: string): number {
  return scoreHead(model.toxicity, text, title);
}

/** How likely the comment contains profanity, in [0, 1]. */
export function scoreProfanity(model: ToxicityModel, text: string): number {
  return scoreHead(model.profanity, text);
}

/** Whether the toxicity score reaches the threshold tuned in training. */
export function isToxic(model: ToxicityModel, text: string, title?: string): boolean {
  return scoreToxicity(model, text, title) >= model.toxicity.header.threshold;
}

export function isProfane(model: ToxicityModel, text: string): boolean {
  return scoreProfanity(model, text) >= model.profanity.header.threshold;
}
