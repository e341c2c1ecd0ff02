// Deterministic synthetic Korean news for the search benchmark: Zipf-distributed nouns of one to
// four syllables with particles and predicate endings attached, some English words and numbers.
// Not real language, but it has what matters for an index: Korean-like term statistics, short
// words, unspaced compounds and inflected forms.

import { seededRandom } from './seeded-random.ts';

export const mulberry32 = seededRandom;

// Frequent syllables of Korean news text, so bigram statistics look like the real thing.
const SYLLABLES = [
  ...'정부대통령국회의원경제시장기업투자수출반도체전자산업금융은행주가지수부동산아파트가격세금예산교육학교학생대학입시노동자임금고용일자리환경기후에너지전력원자력태양광자동차배터리인공지능데이터플랫폼보안개인정보의료병원환자백신감염검사외교안보북한미국중국일본러시아유럽협상회담합의발표조사수사검찰경찰법원재판판결선거후보정당여당야당지지율여론민주국민시민지역서울부산대구인천광주대전울산세종경기강원충북충남전북전남경북경남제주문화예술영화음악공연전시스포츠야구축구농구선수감독경기우승',
];
const PARTICLES = [
  '',
  '',
  '',
  '이',
  '가',
  '은',
  '는',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '으로',
  '와',
  '과',
  '도',
  '만',
  '까지',
  '부터',
  '에게',
];
const ENDINGS = ['했다', '한다', '하는', '했던', '된다', '됐다', '하고', '하며', '할', '했으며'];
const LATIN = ['AI', 'ESG', 'IT', 'K-pop', 'CEO', 'GDP', 'OECD', 'IMF', 'NATO', 'chips', 'cloud', 'startup'];

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights for sampling. */
  cdf: Float64Array;
}

export function buildVocabulary(size: number, rand: () => number): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < size) {
    // Mostly two-syllable nouns, as in Korean; some one-, three- and four-syllable ones.
    const r = rand();
    const len = r < 0.04 ? 1 : r < 0.7 ? 2 : r < 0.92 ? 3 : 4;
    let w = '';
    for (let i = 0; i < len; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cdf[i] = sum += 1 / (i + 1) ** 1.0;
  for (let i = 0; i < size; i++) cdf[i] /= sum;
  return { words, cdf };
}

export function sampleRank(vocab: Vocabulary, rand: () => number): number {
  const x = rand();
  let lo = 0;
  let hi = vocab.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab.cdf[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)];
}

function word(vocab: Vocabulary, rand: () => number, topic: number[]): string {
  const r = rand();
  // A third of the words come from the article's topic, which makes documents distinguishable.
  const noun = r < 0.33 ? vocab.words[pick(topic, rand)] : vocab.words[sampleRank(vocab, rand)];
  const s = rand();
  if (s < 0.08) return noun + vocab.words[sampleRank(vocab, rand)]; // unspaced compound
  if (s < 0.22) return noun + pick(ENDINGS, rand);
  if (s < 0.25) return pick(LATIN, rand);
  if (s < 0.28) return String(Math.floor(rand() * 2030));
  return noun + pick(PARTICLES, rand);
}

export interface SyntheticArticle {
  headline: string;
  body: string;
  pressIndex: number;
  categoryIndex: number;
  /** Days before "now". */
  ageDays: number;
}

export function* syntheticArticles(
  count: number,
  vocab: Vocabulary,
  seed: number,
  bodyWords = 120,
): Generator<SyntheticArticle> {
  const rand = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const topic = Array.from({ length: 6 }, () => sampleRank(vocab, rand) + Math.floor(rand() * 200));
    const clamp = topic.map((t) => Math.min(vocab.words.length - 1, t));
    const headline = Array.from({ length: 5 + Math.floor(rand() * 4) }, () => word(vocab, rand, clamp)).join(' ');
    const sentences: string[] = [];
    let n = 0;
    while (n < bodyWords) {
      const len = 6 + Math.floor(rand() * 8);
      sentences.push(Array.from({ length: len }, () => word(vocab, rand, clamp)).join(' ') + '.');
      n += len;
    }
    yield {
      headline,
      body: sentences.join(' '),
      pressIndex: Math.floor(rand() * 20),
      categoryIndex: Math.floor(rand() * 8),
      ageDays: rand() * 365,
    };
  }
}
