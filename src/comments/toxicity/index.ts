// Comment toxicity: the model's scores and the profanity masker. Pure functions; the comments
// capability wires them into moderation.
export { findProfanity, containsProfanity, maskProfanity, maskSpans, type ProfanitySpan } from './profanity.ts';
export {
  assessComment,
  type CommentAssessment,
  DEFAULT_MODEL_PATH,
  MAX_SCORED_CHARS,
  defaultToxicityModel,
  isProfane,
  isToxic,
  loadToxicityModel,
  scoreProfanity,
  scoreToxicity,
  type ToxicityModel,
} from './score.ts';
export { ModelFileError } from './model-file.ts';
