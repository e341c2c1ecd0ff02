// Runs the real `sosik summarize` as a child process, as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/sosik.js');

function sosik(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, SOSIK_DEMO: '0' },
  });
  return { code: r.status, stdout: r.stdout.trim().split('\n').filter(Boolean), stderr: r.stderr };
}

const body = [
  '[서울=연합뉴스] 홍길동 기자 = 정부가 새 반도체 지원책을 발표했다.',
  '지원 규모는 3.5조원으로 역대 최대다.',
  '업계는 반도체 지원책을 환영했다.',
  '날씨는 맑았다.',
  '홍길동 기자 hong@yna.co.kr',
].join('\n');

describe('sosik summarize', () => {
  it('answers each JSON line with the indices of its chosen sentences', () => {
    const input = `${JSON.stringify({ title: '정부, 반도체 지원책 발표', body })}\n${JSON.stringify({ title: '짧다', body: '한 문장이다.' })}\n`;
    const r = sosik(['summarize'], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(2);
    const first = JSON.parse(r.stdout[0]) as number[];
    expect(first).toHaveLength(3);
    expect(first.every((i) => Number.isInteger(i) && i >= 0 && i < 4)).toBe(true);
    expect(first).not.toContain(3); // the short aside
    expect(JSON.parse(r.stdout[1])).toEqual([0]);
  });

  it('with --sentences also writes the sentences, byline removed', () => {
    const r = sosik(
      ['summarize', '--sentences', '--count', '1'],
      `${JSON.stringify({ title: '반도체 지원책', body })}\n`,
    );
    const out = JSON.parse(r.stdout[0]) as { indices: number[]; sentences: string[] };
    expect(out.indices).toHaveLength(1);
    expect(out.sentences[0]).not.toMatch(/연합뉴스|hong@/);
    expect(body).toContain(out.sentences[0]);
  });

  it('answers a bad line with null, says why on stderr and exits 1, keeping the other lines', () => {
    const r = sosik(
      ['summarize'],
      `not json\n{"title":1,"body":"x"}\n${JSON.stringify({ title: 't', body: '문장이다.' })}\n`,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual(['null', 'null', '[0]']);
    expect(r.stderr).toMatch(/line 1: MALFORMED_JSON/);
    expect(r.stderr).toMatch(/line 2: VALIDATION_FAILED .*title/);
  });

  it('refuses a bad --count', () => {
    const r = sosik(['summarize', '--count', '0'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--count/);
  });
});
