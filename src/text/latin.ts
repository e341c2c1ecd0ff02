// Light English stemming: plural and possessive endings only, so "chips"/"chip's" meet "chip"
// without the surprises of a full Porter stemmer on names and acronyms.

const KEEP_AS_IS = new Set([
  'news',
  'ss',
  'us',
  'is',
  'as',
  'has',
  'was',
  'this',
  'its',
  'gas',
  'bus',
  'yes',
  'series',
  'species',
]);

export function stemLatin(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length <= 3 || KEEP_AS_IS.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
