// Korean profanity and slurs, written for Sosik by its authors (no third-party list copied, nothing
// derived from any data set). Spellings are plain Hangul; profanity.ts folds them the same way it
// folds what readers type (tense consonants, ㅐ/ㅔ, repeated letters), so one entry covers 씨발/시발.

/** Words masked wherever they appear, also with spaces, symbols or look-alikes inside. */
export const PROFANE_WORDS: readonly string[] = [
  // 씨발 family
  '씨발', '씨바', '씨빨', '씨벌', '씨부랄', '씨부럴', '씨팔', '씹팔', '십팔놈', '십팔년', '십팔새끼', '시벌', '쓰발', '씨뱅', '씨바랄', '씌발',
  '시부랄', '씨방', '씨밸', '씨붕', '쒸발', '쉬발', '슈발', '싀발', '씨파', '씨ㅂ', '시ㅂ', 'ㅅ발', 'ㅆ발', 'ㅅ바', 'ㅆ바', '썅', '쌍년', '쌍놈',
  // 좆 / 존나
  '좆', '좃같', '좇같', '졷같', 'ㅈ같', '존나', '존내', '졸라', '조낸', '줫', '좆밥', '좆까', '좆도',
  // 병신 family
  '병신', '븅신', '빙신', '병싄', '뷰웅신', '병쉰', '등신', '멍청이새끼',
  // 새끼 family
  '새끼', '색끼', '쌔끼', '세끼야', '개세끼', '섀끼', '개새', '개색', '개섀', '개세', '게새', '새꺄', '새캬',
  // 미친 + person
  '미친놈', '미친년', '미친새', '미친색', '미친개', '미친것', '미친넘', '미친뇬', '또라이', '돌아이', '정신병자',
  // 지랄, 염병 and other curses
  '지랄', '지럴', '염병', '옘병', '육시랄', '니미', '니기미', '느금', '니애미', '니엄마', '애미뒤', '애비뒤', '엠창', '느개비', '니애비', '애미없', '애비없',
  '호로새끼', '후레자식', '개년', '개놈', '개같은', '개같이', '개소리', '개돼지', '개쓰레기', '개년아', '화냥년', '걸레년', '창녀', '창놈',
  '씹새', '씹년', '씹놈', '씹창', '씹할', '씹쌔', '닥쳐', '닥치라', '꺼지라',
  // vulgar body words, "die", "piss off"
  '대가리', '대갈', '빡대가리', '돌대가리', '아가리', '뒈져', '뒈지', '뒤져라', '뒤질래', '뒤지고싶', '디져라', '디질래', '디지고싶', '엿먹', '엿같', '빡치', '빡쳐',
  '꼴통', '찌질이', '찐따', '븅딱', '똘아이', '좆만', '좆나', '개빡', '개짜증', '개지랄', '개판', '애미', '애비', '느그애미', '니미럴', '니미랄', '썅년',
  '씨댕', '시댕', '씨뎅', '띠발', '띠바', '쓰벌', '쓰바', '시끼', '쉐끼', '새퀴', '존니', '졸래', '병신새끼', '장애새끼',
  // slurs against groups
  '한남충', '김치녀', '된장녀', '맘충', '급식충', '틀딱', '짱깨', '쪽바리', '쪽발이', '홍어새끼', '흑형', '똥남아', '메갈년', '페미년', '꼴페미', '재기해',
  '빨갱이', '좌빨', '수꼴', '일베충', '대깨문', '문재앙', '토착왜구', '한남', '한녀', '조센징', '똥꼬충', '게이새끼',
];

/** Romanised and English profanity, matched from the start of a Latin word (so "fucking" counts, "scunthorpe" does not). */
export const LATIN_WORDS: readonly string[] = ['sibal', 'ssibal', 'shibal', 'sibbal', 'ssibbal', 'byungsin', 'fuck', 'fuk', 'shit', 'bitch', 'asshole', 'motherf', 'cunt', 'retard'];

/** Standalone abbreviations in initial consonants (ㅅㅂ for 시발); matched only on lone consonants. */
export const CHOSEONG_ABBREVIATIONS: readonly string[] = [
  'ㅅㅂ', 'ㅆㅂ', 'ㅂㅅ', 'ㅄ', 'ㅈㄹ', 'ㅈㄴ', 'ㅅㄲ', 'ㄱㅅㄲ', 'ㅁㅊ', 'ㄷㅊ', 'ㅈㄲ', 'ㄲㅈ', 'ㅆㄹㄱ', 'ㅆㄴ', 'ㅈㄹㄴ', 'ㅉㄴ', 'ㅗ',
];

/** Legitimate words that contain a profane spelling; a match inside one of these is not masked. */
export const ALLOWED_WORDS: readonly string[] = [
  '시발점', '시발역', '시발택시', '시바견', '시바이누', '시바신', '수박씨발', '씨발라', '포도씨발', '병신년', '병신춘', '새기다', '새기고', '새기는',
  '새기며', '새기면', '새겨', '새긴', '아니미', '지랄탄',
  '개소리하지', '닥쳐올', '닥쳐오', '니미국', '새끼손', '새끼발', '새끼줄', '새끼돼지', '새끼고양이', '새끼강아지', '새끼곰',
  '한남동', '한남대', '한남역', '한남오거리', '한남더힐', '뒤져라도', '개판사판', '애비뉴',
];
