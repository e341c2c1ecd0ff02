// Loaders for the public evaluation sets in ../shared/data (read in place, never copied).
import fs from 'node:fs';
import path from 'node:path';

export interface LabelledDoc {
  headline: string;
  body: string;
  label: string;
}

export interface StsPair {
  a: string;
  b: string;
  score: number;
}

/** WikiRef220: the first line is the headline; the topic is the file name without its number. */
export function loadWikiRef(dir: string): LabelledDoc[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && f !== 'readme.txt')
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'latin1').replace(/\r/g, '');
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.trim() !== '');
      return {
        headline: (lines[first] ?? '').trim(),
        body: lines.slice(first + 1).join('\n'),
        label: f
          .replace(/\.txt$/, '')
          .replace(/\s*\(\d+\)$/, '')
          .replace(/\.?\d+$/, ''),
      };
    });
}

/** KorQuAD dev: every paragraph is a document (no headline); its label is its article's title. */
export function loadKorQuad(file: string): LabelledDoc[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string }> }>;
  };
  return data.data.flatMap((a) => a.paragraphs.map((p) => ({ headline: '', body: p.context, label: a.title })));
}

export function loadKlueSts(file: string): StsPair[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
    sentence1: string;
    sentence2: string;
    labels: { 'real-label': number };
  }>;
  return data.map((d) => ({ a: d.sentence1, b: d.sentence2, score: d.labels['real-label'] }));
}
