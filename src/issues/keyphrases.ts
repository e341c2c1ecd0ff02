// Named-entity-like keyphrases, the words an event is told apart by: quantities with their unit
// (43㎝, 87가구, 200억 달러), short quoted names (‘온칩 얼라이언스’), place names without their
// administrative suffix (청람군 → 청람, so 청람군 and 청람 meet), and romanized name keys that let
// an English report join the Korean ones (Unsan ↔ 운산, Chungram ↔ 청람). Each lives in its own
// namespace, so a keyphrase never collides with a plain word.
import { nameKey, normalizeText, romanize, tokenize, type Token } from '../text/index.ts';

export const KEYPHRASE = '\u0003';
const QUANTITY = `${KEYPHRASE}q`;
const QUOTE = `${KEYPHRASE}"`;
export const NAME_KEY = `${KEYPHRASE}n`;

// Spelled-out units folded onto the symbols NFKC already gives (㎝ → cm).
const UNIT_ALIASES: Record<string, string> = {
  센티미터: 'cm',
  센티: 'cm',
  밀리미터: 'mm',
  킬로미터: 'km',
  킬로그램: 'kg',
  퍼센트: '%',
  헥타르: 'ha',
  톤: 't',
  미터: 'm',
};
const HANGUL_UNITS =
  '센티미터|밀리미터|킬로미터|킬로그램|퍼센트|헥타르|센티|미터|톤|개국|가구|마리|번째|주년|시간|달러|명|편|동|대|개|곳|건|억|조|원|배|척|세|회|호|층|채|년|월|일|분|도';
const QUANTITY_RE = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s?(${HANGUL_UNITS}|cm|mm|km|kg|ha|%|t\\b)`, 'gu');
const QUOTED_RE = /[‘“「『"']([^‘’“”「」『』"'\n]{2,30})[’”」』"']/gu;
const PLACE_SUFFIX = /^(.{2,4}?)(?:시|군|구|항|만|읍|면|리|역|공항|대교|광역시|특별시)$/u;
// Capitalised words an English copy uses for anything but names.
const NOT_NAMES = new Set(
  'the a an and or of to in on at for by with from as is are was were it its this that he she they we his her their our but if so after before over about into more most new one two who which what when where how all just only other some such said says also mr ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);

export interface KeyphraseWeights {
  quantityWeight: number;
  quoteWeight: number;
  placeWeight: number;
  nameKeyWeight: number;
}

/** One article as the analyzer already saw it: written text, and its normalised tokens. */
export interface AnalysedArticle {
  headline: string;
  body: string;
  headlineTokens: readonly Token[];
  bodyTokens: readonly Token[];
}

// Last syllables an administrative place name can end in: a cheap test before the pattern.
const PLACE_LAST = new Set([...'시군구항만읍면리역교']);

/** Adds the keyphrases of one article to `add(term, weight)`. */
export function addKeyphrases(
  a: AnalysedArticle,
  w: KeyphraseWeights,
  add: (term: string, weight: number) => void,
): void {
  const written = `${a.headline}\n${a.body}`;
  if (w.quantityWeight > 0 && /\d/.test(written)) {
    for (const m of normalizeText(written).matchAll(QUANTITY_RE))
      add(`${QUANTITY}${m[1]!.replace(/,/g, '')}${UNIT_ALIASES[m[2]!] ?? m[2]}`, w.quantityWeight);
  }
  if (w.quoteWeight > 0) {
    for (const m of written.matchAll(QUOTED_RE)) {
      // A short Korean quote is usually a name (‘온칩 얼라이언스’); in English only a Title Case one is.
      const raw = m[1]!.trim().replace(/[.,!?]+$/u, '');
      if (!/[\uAC00-\uD7A3]/u.test(raw) && !/^(?:[A-Z][\w'-]*[\s,]*)+$/u.test(raw)) continue;
      const words = tokenize(raw).map((t) => t.stem);
      if (words.length >= 1 && words.length <= 4) add(`${QUOTE}${words.join(' ')}`, w.quoteWeight);
    }
  }
  if (w.placeWeight <= 0 && w.nameKeyWeight <= 0) return;
  const names = new Set<string>();
  const places = new Set<string>();
  for (const tokens of [a.headlineTokens, a.bodyTokens]) {
    for (const token of tokens) {
      const stem = token.stem;
      if (token.kind !== 'hangul' || stem.length < 3 || !PLACE_LAST.has(stem[stem.length - 1]!)) continue;
      const place = PLACE_SUFFIX.exec(stem)?.[1];
      if (place) {
        if (w.placeWeight > 0) add(place, w.placeWeight);
        places.add(place);
      }
    }
  }
  if (w.nameKeyWeight <= 0) return;
  for (const p of places) names.add(p);
  // Korean side: the headline's words and their leading syllables (운산국제영화제 → 운산, 운산국).
  for (const token of a.headlineTokens) {
    const stem = token.stem;
    if (token.kind !== 'hangul' || stem.length < 2) continue;
    for (let n = 2; n <= Math.min(stem.length, 3); n++) names.add(stem.slice(0, n));
    if (stem.length <= 5) names.add(stem);
  }
  const keys = new Set<string>();
  for (const name of names) keys.add(nameKey(romanize(name)));
  if (/[A-Z]/.test(written)) {
    // English side: capitalised words, as written (before normalisation lower-cases them).
    for (const m of written.matchAll(/\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b/g)) {
      if (!NOT_NAMES.has(m[0].toLowerCase())) keys.add(nameKey(m[0]));
    }
    // Korean personal names in English copy: family name, then a hyphenated given name (Han Seo-yoon → 한서윤).
    for (const m of written.matchAll(/\b([A-Z][a-z]{0,3}) ([A-Z][a-z]+-[a-z]+)\b/g)) keys.add(nameKey(m[1]! + m[2]!));
  }
  for (const k of keys) if (k.length >= 3) add(`${NAME_KEY}${k}`, w.nameKeyWeight);
}
