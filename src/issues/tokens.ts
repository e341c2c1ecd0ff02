// Clustering terms: particle-stripped words plus character bigrams of Hangul words, so that
// "인공지능을" and "인공지능이" meet, and unsegmented compounds ("인공지능시대") still share pieces.
// TEMPORARY local analysis until src/text (shared with search) lands; then this file delegates.

const PARTICLES = [
  '으로부터', '에서부터', '이라는', '라는', '에게서', '에서는', '에서도', '으로는', '으로도', '까지는', '부터는',
  '이라고', '라고', '이라며', '라며', '에서', '에게', '한테', '께서', '으로', '부터', '까지', '마저', '조차', '처럼',
  '보다', '하고', '이나', '이며', '이고', '과의', '와의', '에는', '에도', '로는', '로도', '은', '는', '이', '가',
  '을', '를', '의', '에', '로', '와', '과', '도', '만', '나', '며',
].sort((a, b) => b.length - a.length);

const HANGUL = /[\uac00-\ud7a3]/;
const STOP_EN = new Set(
  'the a an and or of to in on at for by with from as is are was were be been being it its this that these those he she they we you i his her their our not no but if so than then there here has have had will would can could should may might do does did said says also after before over about into more most up out new one two'.split(' '),
);

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function stripParticle(word: string): string {
  for (const p of PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}

function stemEnglish(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function clusterTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    if (HANGUL.test(raw)) {
      const stem = stripParticle(raw);
      out.push(stem);
      for (let i = 0; i + 2 <= stem.length; i++) out.push('#' + stem.slice(i, i + 2));
    } else if (/^\p{N}+$/u.test(raw)) {
      if (raw.length >= 2) out.push(raw);
    } else if (raw.length >= 2 && !STOP_EN.has(raw)) {
      out.push(stemEnglish(raw));
    }
  }
  return out;
}
