import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { MAX_LINE_CHARS, scoreLines } from './score-lines.ts';
import { defaultToxicityModel, scoreProfanity, scoreToxicity } from './toxicity/score.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-toxicity-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real `sosik` binary with `input` on stdin. */
function sosik(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'sosik.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SOSIK_DB: path.join(dir, 'unused.db'), LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Toxic and clean comments interleaved, so a reordering would show.
const COMMENTS = [
  '오늘 방송 정말 재밌었어요',
  '씨발 이딴걸 방송이라고',
  '',
  '두 분 결혼 축하드려요',
  '병신같은 기사 쓰지마라',
  '좋은 기사 감사합니다',
  'ㅅㅂ 진짜 뭐냐',
];

describe('sosik toxicity score', () => {
  it('prints one score per input line, in input order', async () => {
    const model = defaultToxicityModel();
    const many = Array.from({ length: 300 }, (_, i) => COMMENTS[i % COMMENTS.length] + (i % 5 === 0 ? ` ${i}` : ''));
    const { code, stdout, stderr } = await sosik(['toxicity', 'score'], `${many.join('\r\n')}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toEqual(many.map((c) => scoreToxicity(model, c).toFixed(4)));
    for (const l of lines) expect(Number(l)).toBeGreaterThanOrEqual(0);
    expect(Number(lines[1])).toBeGreaterThan(Number(lines[0]));
  });

  // One process per test: each run starts a CLI process, which is slow on a loaded machine.
  it('uses the headline as context with --title', async () => {
    const title = '배우 A씨, 음주운전 논란';
    const withTitle = await sosik(['toxicity', 'score', '--title', title], COMMENTS.join('\n'));
    expect(withTitle.stdout.trimEnd().split('\n')).toEqual(
      COMMENTS.map((c) => scoreToxicity(defaultToxicityModel(), c, title).toFixed(4)),
    );
  });

  it('scores profanity with --profanity', async () => {
    const profanity = await sosik(['toxicity', 'score', '--profanity'], COMMENTS.join('\n'));
    expect(profanity.stdout.trimEnd().split('\n')).toEqual(
      COMMENTS.map((c) => scoreProfanity(defaultToxicityModel(), c).toFixed(4)),
    );
  });

  it('prints nothing for empty input', async () => {
    const { code, stdout } = await sosik(['toxicity', 'score'], '');
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });
});

describe('scoreLines', () => {
  it('keeps a multi-byte character split across chunks and a last line without a newline', async () => {
    const bytes = Buffer.from('가나\n다라\n마', 'utf8');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 8), bytes.subarray(8)];
    const seen: string[] = [];
    const out: string[] = [];
    const n = await scoreLines(
      Readable.from(chunks),
      (l) => {
        seen.push(l);
        return l.length / 10;
      },
      (t) => out.push(t),
    );
    expect(n).toBe(3);
    expect(seen).toEqual(['가나', '다라', '마']);
    expect(out.join('\n')).toBe('0.2000\n0.2000\n0.1000');
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    const huge = 'ㅋ'.repeat(MAX_LINE_CHARS + 10);
    const err = await scoreLines(
      Readable.from([huge]),
      () => 0,
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('LINE_TOO_LONG');
  });
});
