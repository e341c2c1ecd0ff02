import { describe, expect, it } from 'vitest';
import { selectSentences, sentenceFeatures, summarizeSentences, DEFAULT_CONFIG } from './scorer.ts';
import { textRankScores, textRankSummary } from './textrank.ts';

const title = '인텔, 드론 500대로 불꽃놀이 시연';
const sentences = [
  '영화를 보면 마법사는 마을에서 신기한 불꽃놀이를 보여준다.',
  '드론 덕분이다.',
  '인텔은 4일 드론 500대로 불꽃놀이를 시연하는 데 성공했다고 밝혔다.',
  '인텔은 4일 드론 500대로 불꽃놀이를 시연하는 데 성공했다고 밝혔다고 전했다.',
  '이 드론은 무게가 280g이고 모터가 4개 달린 쿼드콥터로 불꽃놀이에 쓰였다.',
  '500대의 드론이 동시에 비행한 기록은 기네스북에 등재됐다.',
  '날씨는 맑았다.',
];

describe('summarizeSentences', () => {
  it('returns three indices in body order with their exact sentences', () => {
    const r = summarizeSentences(title, sentences);
    expect(r.indices).toHaveLength(3);
    expect([...r.indices].sort((a, b) => a - b)).toEqual(r.indices);
    expect(r.sentences).toEqual(r.indices.map((i) => sentences[i]));
    expect(r.version).toMatch(/^extractive-/);
  });
  it('prefers the sentence that states the headline over a short aside', () => {
    const r = summarizeSentences(title, sentences);
    expect(r.indices).toContain(2);
    expect(r.indices).not.toContain(1);
    expect(r.indices).not.toContain(6);
  });
  it('does not pick a near-duplicate of a sentence already chosen (MMR)', () => {
    const f = sentenceFeatures(title, sentences);
    const chosen = selectSentences(f, { ...DEFAULT_CONFIG, mmrLambda: 0.5 }, 3);
    expect(chosen.includes(2) && chosen.includes(3)).toBe(false);
  });
  it('returns every sentence of a text shorter than the summary, and nothing for an empty one', () => {
    expect(summarizeSentences('제목', ['한 문장뿐이다.']).indices).toEqual([0]);
    expect(summarizeSentences('제목', []).indices).toEqual([]);
  });
});

describe('TextRank', () => {
  it('ranks the sentence sharing most words with the others highest', () => {
    const scores = textRankScores(sentences);
    const best = scores.indexOf(Math.max(...scores));
    expect([2, 3]).toContain(best);
    expect(textRankSummary(sentences, 2)).toHaveLength(2);
  });
});
