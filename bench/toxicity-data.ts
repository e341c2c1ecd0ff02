// The two public toxicity data sets, read from ../shared/data (never committed):
// BEEP! korean-hate-speech (train/dev comments with the headline each was written under) and
// curse-detection (text|label), split once with a seeded shuffle into 80% train / 20% held out.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from './seeded-random.ts';

export const SHARED_DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const BEEP_DIR = path.join(SHARED_DATA, 'korean-hate-speech');
const CURSE_FILE = path.join(SHARED_DATA, 'curse-detection', 'dataset.txt');

/** The seed of the curse-detection split: changing it changes which 20% is held out. */
export const CURSE_SPLIT_SEED = 20201;

export interface Example {
  text: string;
  /** The news headline the comment was written under (BEEP! only). */
  title?: string;
  /** 1 = toxic (BEEP!: hate or offensive) / profane (curse-detection). */
  label: 0 | 1;
}

/** Why the data cannot be read, or undefined when it can. */
export function missingDataReason(): string | undefined {
  for (const f of [path.join(BEEP_DIR, 'train.tsv'), path.join(BEEP_DIR, 'dev.tsv'), CURSE_FILE]) {
    if (!fs.existsSync(f))
      return `skipped: ${path.relative(process.cwd(), f)} not found (the data sets live in ../shared/data)`;
  }
  return undefined;
}

// The headline files are one CSV field per line: quoted when they contain quotes or commas.
function unquote(line: string): string {
  const t = line.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

export function loadBeep(split: 'train' | 'dev'): Example[] {
  const rows = fs
    .readFileSync(path.join(BEEP_DIR, `${split}.tsv`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
  const titles = fs.readFileSync(path.join(BEEP_DIR, `${split}.news_title.txt`), 'utf8').split('\n');
  return rows.map((row, i) => {
    const cols = row.split('\t');
    const hate = cols[cols.length - 1].trim();
    return { text: cols[0], title: unquote(titles[i] ?? ''), label: hate === 'none' ? 0 : 1 };
  });
}

function loadCurse(): Example[] {
  return fs
    .readFileSync(CURSE_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.includes('|'))
    .map((l) => {
      const bar = l.lastIndexOf('|');
      return { text: l.slice(0, bar), label: l.slice(bar + 1).trim() === '1' ? 1 : 0 };
    });
}

/** curse-detection shuffled with CURSE_SPLIT_SEED: the first 80% to train on, the rest held out. */
export function loadCurseSplit(): { train: Example[]; heldOut: Example[] } {
  const all = loadCurse();
  const random = seededRandom(CURSE_SPLIT_SEED);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const cut = Math.round(all.length * 0.8);
  return { train: all.slice(0, cut), heldOut: all.slice(cut) };
}
