// JSON stored as text (one query layer for SQLite and PostgreSQL) is read back through a zod
// schema, one way everywhere: a value that no longer matches (an old row, a hand edit) yields the
// caller's fallback instead of an exception in the middle of a page.
import type { z } from 'zod';

export function readJsonColumn<T>(text: string | null | undefined, schema: z.ZodType<T>, fallback: T): T {
  if (!text) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
