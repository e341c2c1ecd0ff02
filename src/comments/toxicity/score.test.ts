import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, ModelFileError } from './model-file.ts';
import { maskProfanity } from './profanity.ts';
import {
  assessComment,
  DEFAULT_MODEL_PATH,
  isToxic,
  loadToxicityModel,
  scoreProfanity,
  scoreToxicity,
} from './score.ts';

const model = loadToxicityModel();

// Written for this test: obvious cases a comment filter must order correctly.
const TOXIC = [
  '이런 미친놈은 방송에서 영원히 퇴출시켜라',
  '얼굴도 못생긴게 나대지 마라 진짜 역겹다',
  '병신같은 기사 쓰지마라 기레기야',
  '저 여자 또 성형했네 꼴보기 싫다 꺼져',
  '씨발 이딴게 배우라고 연기 존나 못하네',
];
const CLEAN = [
  '오늘 방송 정말 재밌었어요 다음 회도 기대됩니다',
  '두 분 결혼 축하드려요 행복하세요',
  '연기 너무 잘하시네요 응원합니다',
  '좋은 기사 감사합니다',
  '노래 너무 좋아서 계속 듣고 있어요',
];

describe('toxicity model', () => {
  it('loads the committed model file with both heads', () => {
    expect(model.header.format).toBe('sosik-toxicity');
    expect(model.toxicity.members.length).toBeGreaterThan(0);
    expect(model.profanity.members.length).toBeGreaterThan(0);
    expect(model.toxicity.header.threshold).toBeGreaterThan(0);
    expect(model.toxicity.header.threshold).toBeLessThan(1);
  });

  it('scores in [0, 1], the same every time, also for empty, huge and odd input', () => {
    for (const text of [...TOXIC, ...CLEAN, '', ' ', '😀😀😀', 'a'.repeat(50_000), '\u0000\uFFFF', 'ㅋ'.repeat(1000)]) {
      const s = scoreToxicity(model, text);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(scoreToxicity(model, text)).toBe(s);
      expect(scoreToxicity(loadToxicityModel(), text)).toBe(s);
      const p = scoreProfanity(model, text);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('ranks every obviously toxic comment above every clean one', () => {
    const lowestToxic = Math.min(...TOXIC.map((t) => scoreToxicity(model, t)));
    const highestClean = Math.max(...CLEAN.map((t) => scoreToxicity(model, t)));
    expect(lowestToxic).toBeGreaterThan(highestClean);
    expect(CLEAN.filter((t) => isToxic(model, t))).toEqual([]);
  });

  it('gives obfuscated profanity a high profanity score and clean text a low one', () => {
    for (const t of ['ㅅㅂ 진짜 뭐냐', '씨.발 짜증나', 'tlqkf 뭐하냐', '병1신같네'])
      expect(scoreProfanity(model, t)).toBeGreaterThan(model.profanity.header.threshold);
    for (const t of CLEAN) expect(scoreProfanity(model, t)).toBeLessThan(model.profanity.header.threshold);
  });
});

describe('model file', () => {
  const features = {
    bits: 8,
    charMin: 1,
    charMax: 2,
    jamoMin: 0,
    jamoMax: 0,
    words: true,
    wordBigrams: false,
    titleWeight: 0,
    profanityWeight: 0,
  };
  const weights = new Float64Array(256).map((_, i) => (i % 7 === 0 ? (i - 128) / 100 : 0));
  // One member per head, so each combiner reads 1 + 1 logits and the 2 word-list flags.
  const combiner = { bias: 0.5, weights: [1.5, -0.5, 2, 0.25] };
  const head = { features, threshold: 0.5, members: [{ weighting: 'logtf' as const, bias: -0.25, weights }], combiner };

  it('round-trips weights within int16 quantisation', () => {
    const back = decodeModel(encodeModel({ toxicity: head, profanity: head }, { note: 'test' }));
    const m = back.toxicity.members[0];
    expect(m.bias).toBe(-0.25);
    for (let i = 0; i < 256; i++) expect(back.weights[i * back.stride + m.column] * m.scale).toBeCloseTo(weights[i], 4);
    expect(back.header.trainedWith).toEqual({ note: 'test' });
    expect(back.toxicity.header.combiner).toEqual(combiner);
  });

  it('refuses heads that read different text features (scoring shares them)', () => {
    const other = { ...head, features: { ...features, charMax: 3 } };
    expect(() => decodeModel(encodeModel({ toxicity: head, profanity: other }, {}))).toThrow(/same text features/);
  });

  it('refuses a combiner whose inputs do not match the members', () => {
    const wrong = { ...head, combiner: { bias: 0, weights: [1, 1, 1] } };
    expect(() => decodeModel(encodeModel({ toxicity: wrong, profanity: head }, {}))).toThrow(/combiner/);
  });

  it('refuses damaged files with a clear error', () => {
    const good = encodeModel({ toxicity: head, profanity: head }, {});
    expect(() => decodeModel(Buffer.from('not a model'))).toThrow(ModelFileError);
    expect(() => decodeModel(good.subarray(0, good.length - 8))).toThrow(ModelFileError);
    const zlib = require('node:zlib') as typeof import('node:zlib');
    const raw = zlib.gunzipSync(good);
    expect(() => decodeModel(zlib.gzipSync(raw.subarray(0, raw.length - 3)))).toThrow(/truncated/);
    const foreign = Buffer.from(raw);
    foreign.write('{"format":"other"', 4);
    expect(() => decodeModel(zlib.gzipSync(foreign))).toThrow(ModelFileError);
  });

  it('is small enough to commit and to load on every start', () => {
    expect(fs.statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('assessComment', () => {
  it('agrees with the single-purpose functions and masks the text', () => {
    for (const text of ['씨발 이딴게 배우라고', '좋은 기사 감사합니다', 'tlqkf 뭐하냐', `${'가'.repeat(2500)} 씨발`]) {
      const a = assessComment(model, text, '배우 A씨 논란');
      expect(a.toxicity).toBe(scoreToxicity(model, text, '배우 A씨 논란'));
      expect(a.toxic).toBe(isToxic(model, text, '배우 A씨 논란'));
      expect(a.profanity).toBeCloseTo(scoreProfanity(model, text), 12);
      expect(a.masked).toBe(maskProfanity(text));
    }
    expect(assessComment(model, 'tlqkf 뭐하냐').profane).toBe(true);
    expect(assessComment(model, '좋은 기사 감사합니다').profane).toBe(false);
  });
});
