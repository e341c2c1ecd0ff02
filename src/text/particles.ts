// Removing particles (조사) and common predicate endings from the end of a Hangul word, where safe.
// "Safe" is conservative on purpose: a wrong cut splits a noun (국가 → 국), a missed cut only leaves
// one extra bigram, so single-syllable particles are cut only from words of three or more syllables.

// Longest first, so 에서는 is tried before 는.
const MULTI_SYLLABLE = [
  // particles
  '에서부터',
  '으로부터',
  '에게서는',
  '으로서는',
  '으로써는',
  '이라고는',
  '에서는',
  '에서도',
  '에서의',
  '에서만',
  '에게서',
  '에게는',
  '에게도',
  '한테서',
  '으로서',
  '으로써',
  '으로는',
  '으로도',
  '으로의',
  '으로만',
  '이라는',
  '이라고',
  '이라며',
  '이라면',
  '이지만',
  '까지는',
  '까지도',
  '부터는',
  '보다는',
  '처럼은',
  '만으로',
  '이었다',
  '이었던',
  '이어서',
  '였으며',
  '입니다',
  '에서',
  '에게',
  '한테',
  '께서',
  '으로',
  '로서',
  '로써',
  '로는',
  '로도',
  '로의',
  '로만',
  '에는',
  '에도',
  '에의',
  '에만',
  '까지',
  '부터',
  '보다',
  '처럼',
  '만큼',
  '마저',
  '조차',
  '밖에',
  '이나',
  '이란',
  '이라',
  '라는',
  '라고',
  '라며',
  '이며',
  '이고',
  '와의',
  '과의',
  '와는',
  '과는',
  '와도',
  '과도',
  '이요',
  '이든',
  '이다',
  '였다',
  '였던',
  '이자',
  '으며',
  '에선',
  '에겐',
  '에서',
  // 하다/되다 predicates after a noun (발표했다 → 발표, 주도한 → 주도, 지명수배된 → 지명수배)
  '하였다',
  '되었다',
  '했으며',
  '됐으며',
  '했다는',
  '됐다는',
  '하겠다',
  '하다가',
  '했지만',
  '하면서',
  '됩니다',
  '합니다',
  '시켰다',
  '시키는',
  '시킨',
  '했다',
  '됐다',
  '한다',
  '된다',
  '하는',
  '되는',
  '했던',
  '됐던',
  '하고',
  '되고',
  '하며',
  '되며',
  '하여',
  '되어',
  '해서',
  '돼서',
  '하던',
  '되던',
  '하게',
  '되게',
  '하기',
  '되기',
  '하면',
  '되면',
  '해야',
  '돼야',
  '하지',
  '되지',
  '했고',
  '됐고',
  '할',
  '될',
  // plural marker + particle (시민들이 → 시민)
  '들이',
  '들은',
  '들을',
  '들의',
  '들도',
  '들에',
  '들과',
  '들로',
  '들만',
  '들',
] as const;

// Cut only from words of three or more syllables (시대가 → 시대, but 국가 and 회의 stay whole).
const SINGLE_SYLLABLE = [
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '도',
  '로',
  '와',
  '과',
  '만',
  '한',
  '된',
] as const;

// Suffixes grouped by their last syllable, longest first: a word is checked only against the
// few suffixes that can end it (this runs for every word of every article indexed).
const MULTI_BY_LAST = new Map<string, string[]>();
for (const suffix of [...new Set(MULTI_SYLLABLE)].sort((a, b) => b.length - a.length)) {
  const last = suffix.slice(-1);
  MULTI_BY_LAST.set(last, [...(MULTI_BY_LAST.get(last) ?? []), suffix]);
}
const SINGLE = new Set<string>(SINGLE_SYLLABLE);

/** Single-syllable particles that may be cut from a two-syllable word as an alternative form (책을 → 책). */
const CLITIC_ON_SHORT_WORD = new Set(['은', '는', '을', '를', '이', '가', '의', '에', '도', '로', '와', '과']);

/**
 * The word without its trailing particle/ending when the cut is safe; the word itself otherwise.
 * Expects a normalised word made of Hangul syllables only.
 */
export function stripParticle(word: string): string {
  // Hangul syllables are single UTF-16 units, so length counts syllables.
  const len = word.length;
  for (const suffix of MULTI_BY_LAST.get(word.slice(-1)) ?? []) {
    // Keep at least two syllables of stem for short suffixes so 보다/하는 as whole words survive.
    if (word.endsWith(suffix) && len - suffix.length >= (suffix.length >= 3 ? 1 : 2)) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  if (len >= 3 && SINGLE.has(word.slice(-1))) return word.slice(0, -1);
  return word;
}

/**
 * For a two-syllable word whose last syllable is a common particle (책을, 법이), the one-syllable
 * stem it may hide; undefined otherwise. Indexing both keeps 국가 whole while 책을 still finds 책.
 */
export function shortWordStem(word: string): string | undefined {
  const chars = [...word];
  if (chars.length === 2 && CLITIC_ON_SHORT_WORD.has(chars[1])) return chars[0];
  return undefined;
}
