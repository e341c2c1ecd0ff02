// The part of IPTC ninjs (2.x and 3.x, keys lower-cased) that Sosik reads, as a schema.
// Unknown properties are kept (ninjs allows extensions); the ones we read must have the right shape.
import { z } from 'zod';

const text = z.string().max(200_000);
const shortText = z.string().max(2_000);
const dateTime = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a valid date-time (RFC 3339 expected)' });

const roleValue = z.looseObject({
  role: shortText.optional(),
  value: text,
  contenttype: shortText.optional(),
});

const rendition = z.looseObject({
  name: shortText.optional(),
  href: z.string().max(4_000).optional(),
  width: z.coerce.number().int().nonnegative().optional(),
  height: z.coerce.number().int().nonnegative().optional(),
  contenttype: shortText.optional(),
  mimetype: shortText.optional(),
});

const subject = z.looseObject({
  name: shortText.optional(),
  literal: shortText.optional(),
  code: shortText.optional(),
  uri: z.string().max(4_000).optional(),
  rel: shortText.optional(),
});

const person = z.looseObject({
  name: shortText.optional(),
  uri: shortText.optional(),
  literal: shortText.optional(),
  rel: shortText.optional(),
  contactinfo: z
    .array(z.looseObject({ type: shortText.optional(), value: shortText.optional() }))
    .max(50)
    .optional(),
});

/** Sosik's extension: explicit bylines with e-mail (ninjs has only the free-text `by`). */
const byline = z.looseObject({
  /** The press's own id for the person (makes bylines one reporter across spellings). */
  id: shortText.optional(),
  byline: shortText.optional(),
  name: shortText.optional(),
  email: shortText.optional(),
  role: shortText.optional(),
});

// Associations and renditions are arrays in ninjs ≥2.1 and name-keyed maps in 2.0.
const listOrMap = <T extends z.ZodTypeAny>(item: T) => z.union([z.array(item).max(100), z.record(z.string(), item)]);

const association = z.looseObject({
  name: shortText.optional(),
  type: shortText.optional(),
  uri: z.string().max(4_000).optional(),
  headline: shortText.optional(),
  headlines: z.array(roleValue).max(20).optional(),
  descriptions: z.array(roleValue).max(20).optional(),
  description_text: text.optional(),
  body_text: text.optional(),
  by: shortText.optional(),
  copyrightholder: shortText.optional(),
  copyrightnotice: shortText.optional(),
  renditions: listOrMap(rendition).optional(),
});

export const ninjsItemSchema = z.looseObject({
  uri: z.string().min(1).max(2_000),
  type: shortText.optional(),
  version: z.union([shortText, z.number()]).optional(),
  firstcreated: dateTime.optional(),
  versioncreated: dateTime.optional(),
  pubstatus: z.enum(['usable', 'withheld', 'canceled']).optional(),
  urgency: z.number().int().min(1).max(9).optional(),
  genre: z
    .array(
      z.looseObject({ name: shortText.optional(), code: shortText.optional(), uri: z.string().max(4_000).optional() }),
    )
    .max(50)
    .optional(),
  language: shortText.optional(),
  headline: shortText.optional(),
  headlines: z.array(roleValue).max(20).optional(),
  subheadline: shortText.optional(),
  series: shortText.optional(),
  slugline: shortText.optional(),
  title: shortText.optional(),
  by: shortText.optional(),
  bylines: z.array(byline).max(50).optional(),
  people: z.array(person).max(200).optional(),
  body_html: text.optional(),
  body_text: text.optional(),
  bodies: z.array(roleValue).max(20).optional(),
  description_text: text.optional(),
  descriptions: z.array(roleValue).max(20).optional(),
  subjects: z.array(subject).max(200).optional(),
  keywords: z.array(shortText).max(200).optional(),
  copyrightnotice: shortText.optional(),
  copyrightholder: shortText.optional(),
  associations: listOrMap(association).optional(),
  link: z.string().max(4_000).optional(),
  eventdetails: z.unknown().optional(),
  plannedcoverage: z.unknown().optional(),
});

export type NinjsItem = z.infer<typeof ninjsItemSchema>;
export type NinjsAssociation = z.infer<typeof association>;
export type NinjsRendition = z.infer<typeof rendition>;
