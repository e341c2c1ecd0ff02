import { describe, expect, it } from 'vitest';
import { nameKey, romanize } from '../text/index.ts';
import { articleTerms } from './features.ts';
import { KEYPHRASE, NAME_KEY } from './keyphrases.ts';

const keyphrases = (headline: string, body: string) =>
  [...articleTerms(headline, body).keys()].filter((t) => t.startsWith(KEYPHRASE)).map((t) => t.slice(1));

describe('romanized name keys', () => {
  it.each([
    ['운산', 'Unsan'],
    ['청람', 'Chungram'],
    ['해온', 'Haeon'],
    ['에스테라', 'Estera'],
    ['부산', 'Pusan'],
    ['한서윤', 'HanSeoyoon'],
  ])('%s meets %s', (korean, english) => expect(nameKey(romanize(korean))).toBe(nameKey(english)));

  it('keeps different names apart', () => {
    expect(nameKey(romanize('운산'))).not.toBe(nameKey(romanize('청람')));
    expect(nameKey('Haeon')).not.toBe(nameKey('Unsan'));
  });
});

describe('keyphrases', () => {
  it('writes quantities with their unit, spelled-out units folded onto symbols', () => {
    const terms = keyphrases('청람군 최대 43㎝ 폭설', '87가구가 고립됐다. 운산시에는 18센티미터가 쌓였다.');
    expect(terms).toEqual(expect.arrayContaining(['q43cm', 'q87가구', 'q18cm']));
  });

  it('keeps short quoted names, Korean or Title Case English, and not quoted speech', () => {
    const terms = keyphrases(
      '‘온칩 얼라이언스’ 출범',
      'The festival opened with “Winter Station.” “We wanted to give films back to the alleys,” she said.',
    );
    expect(terms).toContain('"온칩 얼라이언스');
    expect(terms).toContain('"winter station');
    expect(terms.some((t) => t.includes('alleys'))).toBe(false);
  });

  it('gives a place name without its suffix, so 청람군 meets 청람', () => {
    expect([...articleTerms('청람군 폭설', '').keys()]).toContain('청람');
  });

  it('gives a Korean headline and an English report of the same names the same keys', () => {
    const ko = new Set(keyphrases('운산국제영화제 개막…한서윤 레드카펫', ''));
    const en = keyphrases('Unsan International Film Festival opens', 'Stars Han Seo-yoon and Ryu Geon joined.');
    const shared = en.filter((t) => ko.has(t) && t.startsWith(NAME_KEY.slice(1)));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });
});
