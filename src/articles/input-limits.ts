// The limits every article obeys, whichever way it arrived (the ninjs API or a pulled feed), in
// one schema checked by ingest before anything is sanitised or stored. The probe stored a feed
// item with a 3,000,000-character title (a 35 MiB page) and a 1,000,000-character guid: the
// API's schema had limits, the feed path had none. The figures are the API's own.
//
// NUL (U+0000): PostgreSQL text cannot hold it (SQLite can), so the same item answered 500 on
// one database and 201 on the other. Identifiers with a NUL are refused; text has it removed.
import { z } from 'zod';
import { Errors } from '../errors.ts';
import type { ArticleInput } from './model.ts';

export const ARTICLE_LIMITS = {
  uriChars: 2_000,
  headlineChars: 2_000,
  shortTextChars: 2_000,
  urlChars: 4_000,
  /** Cleaned body HTML as it is stored (the API's body_html limit; plain text bodies count once wrapped). */
  bodyChars: 200_000,
  captionChars: 200_000,
  keywords: 200,
  subjects: 200,
  bylines: 50,
  photos: 100,
} as const;

const NUL = '\u0000';
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replaceAll(NUL, ''));
const identifier = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes(NUL), { message: 'must not contain a NUL character' });
const time = z.number().finite();

const L = ARTICLE_LIMITS;
export const articleInputSchema = z.object({
  uri: identifier(L.uriChars).refine((s) => s.trim().length > 0, { message: 'an article needs an identifier' }),
  headline: text(L.headlineChars).refine((s) => s.trim().length > 0, { message: 'an article needs a headline' }),
  subheadline: text(L.shortTextChars).optional(),
  series: text(L.shortTextChars).optional(),
  bodyHtml: text(L.bodyChars),
  lang: z.string().max(64),
  bylines: z
    .array(
      z.object({
        name: text(L.shortTextChars),
        email: text(L.shortTextChars).optional(),
        role: text(L.shortTextChars).optional(),
      }),
    )
    .max(L.bylines),
  subjects: z
    .array(
      z.object({
        code: text(L.shortTextChars).optional(),
        name: text(L.shortTextChars).optional(),
        uri: text(L.urlChars).optional(),
      }),
    )
    .max(L.subjects),
  keywords: z.array(text(L.shortTextChars)).max(L.keywords),
  photos: z
    .array(
      z.object({
        url: identifier(L.urlChars),
        width: z.number().int().nonnegative().optional(),
        height: z.number().int().nonnegative().optional(),
        caption: text(L.captionChars).optional(),
        credit: text(L.captionChars).optional(),
        alt: text(L.captionChars).optional(),
      }),
    )
    .max(L.photos),
  copyright: text(L.shortTextChars).optional(),
  link: identifier(L.urlChars).optional(),
  firstCreated: time.optional(),
  versionCreated: time.optional(),
  pubstatus: z.enum(['usable', 'withheld', 'canceled']),
  urgency: z.number().int().min(1).max(9).optional(),
  genres: z.array(text(L.shortTextChars)).max(100).optional(),
});

/** The input within the limits (NULs removed from text), or a 422 naming every field that is not. */
export function checkArticleInput(input: ArticleInput): ArticleInput {
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      'The article exceeds a limit or has an invalid field.',
    );
  }
  // The input itself when nothing was removed: its key order is what earlier revisions were
  // stored with, and a re-polled item must compare equal to them (no spurious new revision).
  return JSON.stringify(input).includes('\\u0000') ? (parsed.data as ArticleInput) : input;
}
