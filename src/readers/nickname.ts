// Reader nicknames: what characters they may use, when two count as the same name, and which
// names a reader may not take because other readers would read them as the site's staff or a press.
//
// The display form is the NFKC form of what the reader typed (full-width "ｋｉｍ" becomes "kim"), so
// what is shown is what was checked. Allowed: Hangul syllables, ASCII letters and digits, "_".
// Accented Latin and other scripts are left out on purpose: they bring look-alikes ("аdmin" with
// a Cyrillic а) that no key can fold away. Loose jamo (ㅋㅋ) are left out because they combine into
// syllables on screen.

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

const ALLOWED = /^[가-힣A-Za-z0-9_]+$/;

export type NicknameRefusal = 'too_short' | 'too_long' | 'invalid_characters' | 'reserved' | 'press_name';

export type NicknameVerdict =
  | { ok: true /** what to store and show */; display: string /** the unique key (see nicknameKey) */; key: string }
  | { ok: false; reason: NicknameRefusal };

/** The i18n key of a refusal (src/web/i18n/{ko,en}/readers.ts). */
export function nicknameRefusalMessageKey(reason: NicknameRefusal): `readers.nickname.${NicknameRefusal}` {
  return `readers.nickname.${reason}`;
}

/**
 * The uniqueness key: NFKC (width, compatibility forms) then case folding. Two nicknames with the
 * same key are the same nickname; store it in a unique column.
 */
export function nicknameKey(name: string): string {
  // Only ASCII letters have case among the allowed characters, so toLowerCase is a full case fold here.
  return name.normalize('NFKC').toLowerCase();
}

// Names of the site's roles and of the site itself, as a reader would write them.
const RESERVED = [
  '관리자',
  '운영자',
  '운영팀',
  '운영진',
  '관리팀',
  '편집자',
  '편집장',
  '편집팀',
  '편집국',
  '기자단',
  '소식',
  '고객센터',
  '공지',
  '공지사항',
  // The English role names as Koreans write them in Hangul.
  '어드민',
  '모더레이터',
  '에디터',
  '스태프',
  '시스템',
  '루트',
  '소식뉴스',
  'admin',
  'administrator',
  'sysadmin',
  'moderator',
  'mod',
  'operator',
  'sosik',
  'editor',
  'staff',
  'root',
  'system',
  'support',
  'official',
  'webmaster',
  'postmaster',
  'security',
  'help',
  'notice',
  'press',
];
// Words that, next to a reserved name, only make it look more official ("sosik_team", "관리자님").
const OFFICIAL_AFFIXES = [
  '님',
  '팀',
  '실',
  '측',
  '공식',
  '본사',
  '본부',
  '센터',
  '담당',
  '담당자',
  '계정',
  'team',
  'official',
  'bot',
  'kr',
  'korea',
  'hq',
  'desk',
  'center',
  'account',
  'the',
  'real',
  'news',
  '뉴스',
];
// Digits standing in for letters in a reserved Latin name ("adm1n", "r00t").
const LOOKALIKE_DIGITS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
};

/** Names to refuse and the affixes that only decorate them (see pressLexicon). */
export interface Lexicon {
  words: ReadonlySet<string>;
  affixes: ReadonlySet<string>;
}

/**
 * True when `s` splits completely into known words and affixes with at least one word:
 * "sosikadmin", "관리자님", "officialeditor" do; "badminton" and "소식통" do not.
 */
function isOnlyNamesAndAffixes(s: string, lexicon: Lexicon): boolean {
  if (!s) return false;
  // reach[i]: 0 = s[0..i) cannot be split, 1 = split with affixes only, 2 = split including a word.
  const reach = new Uint8Array(s.length + 1);
  reach[0] = 1;
  for (let i = 0; i < s.length; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= s.length; j++) {
      const piece = s.slice(i, j);
      const found = lexicon.words.has(piece) ? 2 : lexicon.affixes.has(piece) ? 1 : 0;
      if (found) reach[j] = Math.max(reach[j]!, Math.max(reach[i]!, found));
    }
  }
  return reach[s.length] === 2;
}

/** The readings of a key a person would see: pieces between digits and "_", the letters alone, digits read as letters. */
function readings(key: string): string[] {
  const pieces = key.split(/[_0-9]+/).filter(Boolean);
  const lettersOnly = pieces.join('');
  const digitsAsLetters = key.replace(/_/g, '').replace(/[0-9]/g, (d) => LOOKALIKE_DIGITS[d] ?? d);
  return [...new Set([...pieces, lettersOnly, digitsAsLetters])];
}

/** The form a press name is compared in: the nickname key without spaces and punctuation. */
function pressKey(name: string): string {
  return nicknameKey(name).replace(/[\s\p{P}\p{S}]+/gu, '');
}

const reservedLexicon: Lexicon = { words: new Set(RESERVED), affixes: new Set(OFFICIAL_AFFIXES) };

/** True when a reader would take this nickname for the site, its staff or a role. */
export function isReservedNickname(name: string): boolean {
  return readings(nicknameKey(name)).some((r) => isOnlyNamesAndAffixes(r, reservedLexicon));
}

/**
 * True when the nickname reads as one of the presses ("해온일보", "해온일보_1", "해온일보공식").
 * Build the lexicon once per list with `pressLexicon` when checking many names.
 */
export function looksLikePress(name: string, presses: Lexicon): boolean {
  return readings(nicknameKey(name)).some((r) => isOnlyNamesAndAffixes(r, presses));
}

export function pressLexicon(pressNames: readonly string[]): Lexicon {
  // A one-letter press key would make every nickname containing that letter a look-alike.
  const words = new Set(pressNames.map(pressKey).filter((k) => k.length >= NICKNAME_MIN));
  return { words, affixes: reservedLexicon.affixes };
}

/**
 * Validates a proposed nickname. `pressNames` are the names of every press (Korean and English),
 * compared by the same key. Uniqueness among readers is the store's job (unique index on `key`).
 */
export function checkNickname(input: string, pressNames: readonly string[] = []): NicknameVerdict {
  const display = input.normalize('NFKC').trim();
  const length = [...display].length;
  if (length < NICKNAME_MIN) return { ok: false, reason: 'too_short' };
  if (length > NICKNAME_MAX) return { ok: false, reason: 'too_long' };
  if (!ALLOWED.test(display)) return { ok: false, reason: 'invalid_characters' };
  if (isReservedNickname(display)) return { ok: false, reason: 'reserved' };
  if (pressNames.length > 0 && looksLikePress(display, pressLexicon(pressNames)))
    return { ok: false, reason: 'press_name' };
  return { ok: true, display, key: nicknameKey(display) };
}
