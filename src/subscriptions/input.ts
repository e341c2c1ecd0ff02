// The forms readers send (subscribe, unsubscribe, delivery, keyword alert, hide a press), each
// one zod schema; a bad form is a 422 with the field's path, nothing written.
import { z } from 'zod';
import { Errors } from '../errors.ts';
import { normalizeText } from '../text/index.ts';

const id = z
  .string()
  .regex(/^\d{1,15}$/, 'a number')
  .transform(Number);
/** Where to go back to after the form: our own path only (checked again by sameOriginPath). */
const next = z.string().max(2000).optional();

export const KINDS_WITH_TARGET = ['press', 'reporter', 'issue', 'category'] as const;

export const subscribeForm = z.object({ kind: z.enum(KINDS_WITH_TARGET), target: id, next });
export const keywordForm = z.object({ query: z.string().trim().min(1, 'required').max(100), next });
export const deliveryForm = z.object({ delivery: z.enum(['none', 'immediate', 'digest']), next });
export const pressForm = z.object({ press: id, next });
export const nextOnly = z.object({ next });
export const digestForm = z.object({
  digest: z.enum(['off', 'daily', 'weekly']),
  hour: id.pipe(z.number().int().min(0).max(23)),
  weekday: id.pipe(z.number().int().min(0).max(6)).optional(),
  next,
});

export function parseForm<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** One alert per meaning: "  반도체  수출" and "반도체 수출" are one saved search. */
export function keywordKey(query: string): string {
  return normalizeText(query).replace(/\s+/g, ' ').trim().slice(0, 200);
}
