// Sentence splitting for Korean news bodies. A summary sentence is quoted verbatim, so the
// splitter must not cut inside quotes ("…했다. 그러나…"라고 말했다), numbers (3.5%), initials
// (U.S.) or ellipses, and must drop what is not body prose: bylines, e-mail lines, datelines,
// photo captions and copyright notices.

/** Characters that end a sentence when followed by space or the end of a paragraph. */
const TERMINAL = new Set(['.', '?', '!', '。']);
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '》']);
/** Latin abbreviations whose period does not end a sentence (case-insensitive). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'vs',
  'etc',
  'inc',
  'co',
  'corp',
  'ltd',
  'jr',
  'sr',
  'no',
  'vol',
  'fig',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
]);

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// "[서울=연합뉴스] 홍길동 기자 = " or "(세종=뉴스1) 홍길동 기자 =" at the head of the first paragraph.
const DATELINE =
  /^\s*[[(【][^\])】]{1,30}[\])】]\s*(?:[가-힣]{2,4}(?:\s*·\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원|객원기자)\s*)?=\s*/;
// A line that is only a byline: "홍길동 기자", "홍길동 기자 hong@x.kr", "글·사진 홍길동 기자".
const BYLINE_LINE =
  /^\s*(?:글\s*[·ㆍ]\s*사진\s*|사진\s*)?(?:[가-힣]{2,4}(?:\s*[·ㆍ,]\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원|객원기자|선임기자|논설위원|편집위원))(?:\s|$)/;
const SENTENCE_END = /[가-힣][.?!]["”’']?(?:\s|$)/;
const COPYRIGHT = /ⓒ|©|무단\s*전재|재배포\s*금지|저작권자/;
// Photo captions: "▲ …", "[사진] …", "사진=…", "(사진=연합뉴스)", "/뉴시스" credit at the end.
const CAPTION_START = /^\s*(?:▲|△|▶|<사진|\[사진|\(사진|사진\s*=|사진\s*설명|\[그래픽|\(그래픽|그래픽\s*=)/;
const CAPTION_CREDIT =
  /(?:\/\s*[가-힣A-Za-z]+(?:뉴스|일보|신문|통신|사진기자|기자)?\s*$)|(?:\(\s*(?:사진|자료|그래픽)\s*=\s*[^)]*\)\s*$)/;

/** Sentences of a plain-text article body, in order, with non-prose lines removed. */
export function splitSentences(body: string): string[] {
  const out: string[] = [];
  const paragraphs = body.replace(/\r\n?/g, '\n').split(/\n+/);
  let first = true;
  for (const raw of paragraphs) {
    let line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (first) line = line.replace(DATELINE, '');
    first = false;
    if (!line || isNonProseLine(line)) continue;
    for (const s of splitParagraph(line)) {
      const clean = stripTrailingCredit(s);
      if (clean && !isNonProseLine(clean)) out.push(clean);
    }
  }
  return out;
}

/** Bylines, e-mail/contact lines, copyright notices and photo captions. */
export function isNonProseLine(line: string): boolean {
  if (COPYRIGHT.test(line)) return true;
  if (CAPTION_START.test(line)) return true;
  if (BYLINE_LINE.test(line) && line.length < 60) return true;
  // A short line with an e-mail address and no sentence in it is contact information, not prose.
  // (Only short lines are tried: EMAIL backtracks quadratically over one long run of word characters.)
  if (line.length < 200 && EMAIL.test(line) && line.replace(EMAIL, '').trim().length < 30 && !SENTENCE_END.test(line))
    return true;
  // A short line without a sentence ending that ends in a press credit is a caption ("… /연합뉴스").
  if (
    line.length < 120 &&
    CAPTION_CREDIT.test(line) &&
    !/[다요까][.?!]?\s*["”’]?\s*$/.test(line.replace(CAPTION_CREDIT, ''))
  )
    return true;
  return false;
}

/** Removes a trailing "홍길동 기자 hong@x.kr" glued to the last sentence of a body. */
function stripTrailingCredit(sentence: string): string {
  // Only the tail is matched: the patterns backtrack quadratically over a long run of word
  // characters (a 190,000-letter "word" took a minute), and a credit is never longer than this.
  const cut = Math.max(0, sentence.length - 200);
  return (sentence.slice(0, cut) + stripCreditTail(sentence.slice(cut))).trim();
}

function stripCreditTail(sentence: string): string {
  return sentence
    .replace(/\s*[/]?\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$/, '')
    .replace(/\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$/, '')
    .trim();
}

/** A quote longer than this is taken for an unbalanced quote mark, not a quotation to keep whole. */
const MAX_QUOTE_CHARS = 400;
const CLOSERS: Record<string, string[]> = {
  '“': ['”', '"'],
  '‘': ['’', "'"],
  '「': ['」'],
  '『': ['』'],
  '《': ['》'],
  '"': ['"', '”'],
};

/**
 * For each character, whether it lies inside a quotation whose closing mark is found within
 * MAX_QUOTE_CHARS; an opening mark that is never closed (a typo, or ‘…' mixed marks) protects nothing.
 */
function insideQuotes(chars: string[]): boolean[] {
  const inside = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length; i++) {
    const closers = CLOSERS[chars[i]];
    if (!closers) continue;
    const limit = Math.min(chars.length, i + MAX_QUOTE_CHARS);
    for (let j = i + 1; j < limit; j++) {
      if (!closers.includes(chars[j])) continue;
      for (let k = i + 1; k < j; k++) inside[k] = true;
      i = j;
      break;
    }
  }
  return inside;
}

const isCloser = (ch: string | undefined) => ch !== undefined && (CLOSING_QUOTES.has(ch) || ch === '"' || ch === "'");

/** Splits one paragraph at sentence-final punctuation that is outside quotes and followed by space. */
export function splitParagraph(text: string): string[] {
  const chars = [...text];
  const inside = insideQuotes(chars);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!TERMINAL.has(chars[i])) continue;
    // A run of terminal marks and closing quotes ends together: 했다." / 정말?! / 끝났다.”
    let j = i;
    while (j + 1 < chars.length && (TERMINAL.has(chars[j + 1]) || isCloser(chars[j + 1]))) j++;
    // A missing space after a Korean sentence ending is a common typo ("발표했다.정부는"): a
    // period after 다/요/까 followed by Hangul still ends the sentence; 3.5 and U.S. never match.
    const glued =
      chars[i] === '.' && j === i && /[다요까]/.test(chars[i - 1] ?? '') && /[\uAC00-\uD7A3]/.test(chars[j + 1] ?? '');
    const followedBySpace = j + 1 >= chars.length || chars[j + 1] === ' ' || glued;
    // Inside a quotation only when the run closes it: “우리는 해냈다.” 그가 웃었다.
    const outside = !inside[i] || (j > i && isCloser(chars[j]) && !inside[j]);
    if (followedBySpace && outside && endsSentence(chars, i, start)) {
      out.push(
        chars
          .slice(start, j + 1)
          .join('')
          .trim(),
      );
      start = j + 1;
    }
    i = j;
  }
  const rest = chars.slice(start).join('').trim();
  if (rest) out.push(rest);
  return mergeFragments(out);
}

/** Whether the period at `i` ends a sentence (not an initial, abbreviation, ellipsis or list number). */
function endsSentence(chars: string[], i: number, sentenceStart: number): boolean {
  if (chars[i] !== '.') return true;
  if (chars[i - 1] === '.' || chars[i + 1] === '.') return false; // ellipsis "..."
  // The word before the period.
  let k = i - 1;
  while (k >= 0 && chars[k] !== ' ') k--;
  const word = chars.slice(k + 1, i).join('');
  if (/^[A-Za-z]$/.test(word)) return false; // an initial: "J. 케네디"
  if (ABBREVIATIONS.has(word.toLowerCase().replace(/^[("'“‘]+/, ''))) return false;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return false; // U.S, U.N
  // "1. 첫째" list numbering at the start of a sentence
  if (
    /^\d{1,2}$/.test(word) &&
    chars
      .slice(sentenceStart, k + 1)
      .join('')
      .trim() === ''
  )
    return false;
  return true;
}

/** A piece too short to be a sentence ("네." "Ⅰ.") joins the sentence before it. */
const MIN_SENTENCE_LETTERS = 2;
function mergeFragments(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    if (out.length && [...p].filter((c) => /[\p{L}\p{N}]/u.test(c)).length < MIN_SENTENCE_LETTERS)
      out[out.length - 1] += ` ${p}`;
    else out.push(p);
  }
  return out;
}
