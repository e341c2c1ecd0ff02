// Route parameters, parsed one way: a numeric id in a URL is 1–15 digits and positive, anything
// else (letters, signs, a 400-digit number) is simply "no such thing" to the route.
import { z } from 'zod';

const idParam = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** The id named by a path segment, or undefined when it cannot name one. */
export function parseIdParam(raw: unknown): number | undefined {
  const parsed = idParam.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
