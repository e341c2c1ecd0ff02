// The articles table's JSON columns (bylines, keywords), read back one way for every reader.
import { z } from 'zod';
import { readJsonColumn } from '../db/json-column.ts';
import type { Byline } from './model.ts';

// Built once: zod 4 compiles an object schema on its first parse, which made a schema built per
// byline 12% of an article page's render.
const byline = z.object({
  name: z.string(),
  ref: z.string().optional(),
  email: z.string().optional(),
  role: z.string().optional(),
});
// Items that do not fit are dropped one by one, so one bad byline does not hide the others.
const bylines = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const b = byline.safeParse(item);
    return b.success && b.data.name.trim() ? [b.data as Byline] : [];
  }),
);
const keywords = z
  .array(z.unknown())
  .transform((items) => items.filter((k): k is string => typeof k === 'string' && k.trim().length > 0));

export function readBylines(text: string | null | undefined): Byline[] {
  return readJsonColumn(text, bylines, []);
}

export function readKeywords(text: string | null | undefined): string[] {
  return readJsonColumn(text, keywords, []);
}
