// Presses file articles into categories with their own vocabulary (our slugs, Korean or English
// names, IPTC Media Topic codes). This maps a subject onto the portal's categories.
import type { Category } from '../db/schema.ts';
import type { SubjectRef } from './model.ts';

// IPTC Media Topic top-level codes and common synonyms → portal category slug.
const ALIASES: Record<string, string> = {
  '11000000': 'politics',
  politics: 'politics',
  정치: 'politics',
  government: 'politics',
  '04000000': 'economy',
  economy: 'economy',
  business: 'economy',
  finance: 'economy',
  경제: 'economy',
  산업: 'economy',
  금융: 'economy',
  '14000000': 'society',
  '02000000': 'society',
  '03000000': 'society',
  society: 'society',
  사회: 'society',
  national: 'society',
  '01000000': 'life-culture',
  '10000000': 'life-culture',
  '07000000': 'life-culture',
  '05000000': 'life-culture',
  culture: 'life-culture',
  lifestyle: 'life-culture',
  문화: 'life-culture',
  생활: 'life-culture',
  '생활/문화': 'life-culture',
  건강: 'life-culture',
  world: 'world',
  international: 'world',
  국제: 'world',
  세계: 'world',
  'international news': 'world',
  '13000000': 'it-science',
  science: 'it-science',
  technology: 'it-science',
  it: 'it-science',
  과학: 'it-science',
  'it/과학': 'it-science',
  it과학: 'it-science',
  '15000000': 'sports',
  sport: 'sports',
  sports: 'sports',
  스포츠: 'sports',
  entertainment: 'entertainment',
  celebrity: 'entertainment',
  연예: 'entertainment',
  엔터: 'entertainment',
};

function keysOf(subject: SubjectRef): string[] {
  const out: string[] = [];
  for (const raw of [subject.code, subject.name, subject.uri]) {
    if (!raw) continue;
    const v = raw.trim().toLowerCase();
    out.push(v);
    // "medtop:04000000", "subj:15000000", "http://cv.iptc.org/newscodes/mediatopic/04000000"
    const code = v.match(/(\d{8})\b/)?.[1];
    if (code) out.push(code.replace(/^(\d{2})\d{6}$/, '$1000000'));
  }
  return out;
}

/** The ids of the categories the subjects name, in the order first named, without duplicates. */
export function matchCategories(subjects: SubjectRef[], categories: Category[]): number[] {
  const bySlugOrName = new Map<string, number>();
  for (const c of categories) {
    bySlugOrName.set(c.slug.toLowerCase(), c.id);
    bySlugOrName.set(c.name_ko.toLowerCase(), c.id);
    bySlugOrName.set(c.name_en.toLowerCase(), c.id);
  }
  const ids: number[] = [];
  for (const s of subjects) {
    for (const key of keysOf(s)) {
      const id = bySlugOrName.get(key) ?? bySlugOrName.get(ALIASES[key] ?? '');
      if (id !== undefined) {
        if (!ids.includes(id)) ids.push(id);
        break;
      }
    }
  }
  return ids;
}
