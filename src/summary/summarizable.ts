// Which articles get an automatic summary. Opinion (editorials, columns), interviews and Q&As are
// the writer's argument or the interviewee's words: three sentences lifted out of them misquote.
// A photo story has no prose to choose from, and a short article is its own summary.
import { splitSentences } from './sentences.ts';

export interface SummaryCandidate {
  headline: string;
  /** Plain-text body (articles.body_text). */
  bodyText: string;
  /** The press's series label ("김철수의 경제읽기", "사설"), if any. */
  series?: string | null;
  /** Category slugs or names, and ninjs genres, as the press sent them. */
  categories?: string[];
  genres?: string[];
  /** Photos attached to the article. */
  photoCount?: number;
}

export type SummaryVerdict =
  | { summarizable: true; sentences: string[] }
  | { summarizable: false; reason: 'opinion' | 'interview' | 'photo-only' | 'too-short' };

/** Below this many body sentences three of them would be most of the article. */
export const MIN_SENTENCES = 6;
/** Below this many letters (Hangul syllables, letters, digits) the article is short enough to read. */
export const MIN_LETTERS = 350;
/** A photo article with less prose than this is a caption, not a story. */
const PHOTO_STORY_LETTERS = 600;

// Headline markers as presses write them: [사설], 【칼럼】, <기자수첩>, (인터뷰), [포토]…
const BRACKETED = /[[【<(〈《]\s*([^\]】>)〉》]{1,12}?)\s*[\]】>)〉》]/g;
const OPINION_LABEL =
  /사설|칼럼|컬럼|시론|시평|논단|논평|기고|오피니언|기자수첩|취재수첩|데스크|독자투고|만평|여적|만물상|횡설수설|분수대|포럼|opinion|column|editorial|commentary|op-ed/i;
const INTERVIEW_LABEL = /인터뷰|일문일답|대담|interview|q\s*&\s*a/i;
const PHOTO_LABEL = /^(?:포토|사진|화보|포토뉴스|포토\s*에세이|photo|gallery)$/i;

function labels(a: SummaryCandidate): { bracketed: string[]; others: string[] } {
  const bracketed = [...a.headline.matchAll(BRACKETED)].map((m) => m[1].trim());
  return { bracketed, others: [a.series ?? '', ...(a.categories ?? []), ...(a.genres ?? [])].filter(Boolean) };
}

const LETTER = /[\p{L}\p{N}]/u;
const countLetters = (text: string) => [...text].filter((c) => LETTER.test(c)).length;

/** Whether the text has fewer than `n` letters, reading no further than the n-th. */
function fewerLettersThan(text: string, n: number): boolean {
  let count = 0;
  for (const c of text) if (LETTER.test(c) && ++count >= n) return false;
  return true;
}

export function summaryVerdict(a: SummaryCandidate): SummaryVerdict {
  const { bracketed, others } = labels(a);
  const all = [...bracketed, ...others];
  if (all.some((l) => OPINION_LABEL.test(l))) return { summarizable: false, reason: 'opinion' };
  // 인터뷰 anywhere in the headline (not only bracketed): "○○ 대표 인터뷰", "“…” 단독 인터뷰".
  if (all.some((l) => INTERVIEW_LABEL.test(l)) || /인터뷰|일문일답/.test(a.headline))
    return { summarizable: false, reason: 'interview' };
  if (all.some((l) => PHOTO_LABEL.test(l))) return { summarizable: false, reason: 'photo-only' };
  // Splitting only takes text away, so a body with too few letters already has its verdict (a photo
  // with a caption, a brief): the splitter is most of what a summary costs, and these are common.
  const photos = (a.photoCount ?? 0) > 0;
  if (fewerLettersThan(a.bodyText, photos ? PHOTO_STORY_LETTERS : MIN_LETTERS))
    return { summarizable: false, reason: photos ? 'photo-only' : 'too-short' };
  const sentences = splitSentences(a.bodyText);
  const letters = countLetters(sentences.join(''));
  if (photos && letters < PHOTO_STORY_LETTERS) {
    return { summarizable: false, reason: 'photo-only' };
  }
  if (sentences.length < MIN_SENTENCES || letters < MIN_LETTERS) return { summarizable: false, reason: 'too-short' };
  return { summarizable: true, sentences };
}

export function isSummarizable(a: SummaryCandidate): boolean {
  return summaryVerdict(a).summarizable;
}
