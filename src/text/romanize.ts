// Hangul → Latin letters, so a name written in Korean (운산, 청람, 해온) meets the same name in an
// English article (Unsan, Chungram, Haeon). Revised Romanization per syllable, without the sound
// changes across syllables: names in English copy are mostly romanized syllable by syllable.
// `nameKey` then folds both spellings onto a loose key, because the romanizations presses use
// differ in vowels and voicing (Chungram/Cheongram, Kim/Gim, Pusan/Busan).
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
const EU = 18;

/**
 * Revised Romanization of a Hangul word, syllable by syllable. An unaccented ㅡ after the first
 * syllable and before another consonant is dropped, as loanwords and names are spelled (에스테라 → estera).
 */
export function romanize(word: string): string {
  let out = '';
  const chars = [...word];
  chars.forEach((ch, i) => {
    const cp = (ch.codePointAt(0) ?? 0) - 0xac00;
    if (cp < 0 || cp > 11171) {
      out += ch;
      return;
    }
    const initial = Math.floor(cp / 588);
    const vowel = Math.floor((cp % 588) / 28);
    const final = cp % 28;
    const epenthetic = vowel === EU && final === 0 && i > 0 && initial !== 11;
    out += INITIALS[initial]! + (epenthetic ? '' : VOWELS[vowel]!) + FINALS[final]!;
  });
  return out;
}

/**
 * A loose spelling key: vowels folded to three classes, voiced and unvoiced stops together, r/l
 * together, doubled letters once. Both a romanized Korean word and an English word map onto it.
 */
export function nameKey(latin: string): string {
  const s = latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ch|j|z/g, 'J')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/sh/g, 's')
    .replace(/ph|f|v|b/g, 'p')
    .replace(/ck|g|q|x/g, 'k')
    .replace(/d/g, 't')
    .replace(/r/g, 'l')
    .replace(/w/g, '')
    .replace(/eo|eu|ou|oo|oe|u/g, 'o')
    .replace(/ae|ai|ay|e/g, 'a')
    .replace(/ui|y|ee/g, 'i')
    .replace(/J/g, 'c');
  return s.replace(/(.)\1+/g, '$1');
}
