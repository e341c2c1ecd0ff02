import fs from 'node:fs';
import * as t from '/work/main/src/text/index.ts';
const d = JSON.parse(fs.readFileSync('/work/shared/data/korquad/KorQuAD_v1.0_dev.json', 'utf8'));
const docs: { title: string; text: string }[] = [];
const qs: { q: string; doc: number }[] = [];
for (const a of d.data) for (const p of a.paragraphs) { const id = docs.length; docs.push({ title: a.title, text: p.context }); for (const qa of p.qas) qs.push({ q: qa.question, doc: id }); }

function run(name: string, docTerms: (s: string) => string[], qTerms: (s: string) => string[], opts: { k1?: number; b?: number; hw?: number } = {}) {
  const k1 = opts.k1 ?? 1.2, b = opts.b ?? 0.75, hw = opts.hw ?? 0;
  const body = docs.map((x) => docTerms(x.text)), head = docs.map((x) => docTerms(x.title));
  const tf = (arr: string[]) => { const m = new Map<string, number>(); for (const x of arr) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const btf = body.map(tf), htf = head.map(tf);
  const df = new Map<string, number>();
  for (let i = 0; i < docs.length; i++) for (const x of new Set([...btf[i].keys(), ...htf[i].keys()])) df.set(x, (df.get(x) ?? 0) + 1);
  const N = docs.length; const avgB = body.reduce((s, x) => s + x.length, 0) / N; const avgH = head.reduce((s, x) => s + x.length, 0) / N;
  let mrr = 0, r1 = 0, r5 = 0, r10 = 0;
  for (const { q, doc } of qs) {
    const terms = [...new Set(qTerms(q))];
    const scores = new Float64Array(N);
    for (const term of terms) {
      const n = df.get(term) ?? 0; if (!n) continue;
      let idf = Math.log((N - n + 0.5) / (n + 0.5)); if (idf <= 0) idf = 1e-6;
      for (let i = 0; i < N; i++) {
        const f = btf[i].get(term); if (f) scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * body[i].length / avgB));
        if (hw) { const g = htf[i].get(term); if (g) scores[i] += hw * idf * g * (k1 + 1) / (g + k1 * (1 - b + b * head[i].length / avgH)); }
      }
    }
    const idx = [...scores.keys()].filter((i) => scores[i] > 0).sort((a, c) => scores[c] - scores[a] || a - c).slice(0, 10);
    const r = idx.indexOf(doc);
    if (r >= 0) { mrr += 1 / (r + 1); if (r < 1) r1++; if (r < 5) r5++; r10++; }
  }
  const Q = qs.length;
  console.log(name.padEnd(40), 'MRR', (mrr / Q).toFixed(4), 'R1', (r1 / Q).toFixed(3), 'R5', (r5 / Q).toFixed(3), 'R10', (r10 / Q).toFixed(3));
}
const rawBigrams = (s: string) => t.tokenize(s).flatMap((x) => x.kind === 'hangul' || x.kind === 'han' ? t.bigrams(x.surface) : [x.stem]);
const args = process.argv.slice(2);
if (args.includes('base')) {
  run('raw bigrams', rawBigrams, rawBigrams);
  run('analyzer', t.indexTerms, t.queryTerms);
  run('index raw, query analyzed', rawBigrams, t.queryTerms);
  run('index raw+analyzed, query analyzed', (s) => [...rawBigrams(s), ...t.indexTerms(s)], t.queryTerms);
}
if (args.includes('params')) {
  for (const k1 of [0.9, 1.2, 1.6]) for (const b of [0.4, 0.75, 0.9]) run(`analyzer k1=${k1} b=${b}`, t.indexTerms, t.queryTerms, { k1, b });
  for (const hw of [0.5, 1, 2]) run(`analyzer hw=${hw}`, t.indexTerms, t.queryTerms, { hw });
}
const withWords = (s: string) => t.tokenize(s).flatMap((x) => { const tt = t.tokenTerms(x); if (x.kind === 'hangul' && [...x.stem].length >= 3) tt.push(x.stem); return tt; });
const qWords = (s: string) => { const a = t.analyzeQuery(s); return [...a.terms, ...a.words.filter((w) => [...w.surface].length >= 3).map((w) => t.stripParticle(w.surface))]; };
const unis = (s: string) => t.tokenize(s).flatMap((x) => x.kind === 'hangul' ? [...t.tokenTerms(x), ...[...x.stem]] : t.tokenTerms(x));
const qUnis = (s: string) => t.analyzeQuery(s).words.flatMap((w) => { const st = t.stripParticle(w.surface); return /[가-힣]/.test(st) ? [...w.terms, ...st] : w.terms; });
if (args.includes('v2')) {
  run('analyzer + stem words', withWords, qWords);
  run('analyzer + unigrams', unis, qUnis);
  run('raw+analyzed + stem words', (s) => [...rawBigrams(s), ...withWords(s)], qWords);
}
if (args.includes('k1')) {
  for (const k1 of [0.4, 0.5, 0.6, 0.75]) for (const b of [0.75]) run(`analyzer k1=${k1} b=${b}`, t.indexTerms, t.queryTerms, { k1, b });
  run(`analyzer k1=0.6 hw=1`, t.indexTerms, t.queryTerms, { k1: 0.6, hw: 1 });
  const dbl = (s: string) => t.indexTerms(s).flatMap((x) => [x, x]);
  run(`analyzer doubled hw=1`, dbl, t.queryTerms, { hw: 1 });
  run(`raw+analyzed hw=1`, (s) => [...rawBigrams(s), ...t.indexTerms(s)], t.queryTerms, { hw: 1 });
}
if (args.includes('bin')) {
  const uniq = (f: (s: string) => string[]) => (s: string) => { const a = f(s); const u = [...new Set(a)]; (u as any).len = a.length; return u; };
  // binary tf but true length: emulate by computing with tf clipped
  for (const k1 of [0.6, 1.2]) for (const hw of [0, 1]) runBin(`binary tf k1=${k1} hw=${hw}`, k1, hw);
}
function runBin(name: string, k1: number, hw: number) {
  const b = 0.75;
  const body = docs.map((x) => t.indexTerms(x.text)), head = docs.map((x) => t.indexTerms(x.title));
  const bs = body.map((x) => new Set(x)), hs = head.map((x) => new Set(x));
  const df = new Map<string, number>();
  for (let i = 0; i < docs.length; i++) for (const x of new Set([...bs[i], ...hs[i]])) df.set(x, (df.get(x) ?? 0) + 1);
  const N = docs.length; const avgB = body.reduce((s, x) => s + x.length, 0) / N; const avgH = head.reduce((s, x) => s + x.length, 0) / N;
  let mrr = 0, r1 = 0;
  for (const { q, doc } of qs) {
    const scores = new Float64Array(N);
    for (const term of new Set(t.queryTerms(q))) {
      const n = df.get(term) ?? 0; if (!n) continue;
      let idf = Math.log((N - n + 0.5) / (n + 0.5)); if (idf <= 0) idf = 1e-6;
      for (let i = 0; i < N; i++) {
        if (bs[i].has(term)) scores[i] += idf * (k1 + 1) / (1 + k1 * (1 - b + b * body[i].length / avgB));
        if (hw && hs[i].has(term)) scores[i] += hw * idf * (k1 + 1) / (1 + k1 * (1 - b + b * head[i].length / avgH));
      }
    }
    const idx = [...scores.keys()].filter((i) => scores[i] > 0).sort((a, c) => scores[c] - scores[a] || a - c).slice(0, 10);
    const r = idx.indexOf(doc); if (r >= 0) { mrr += 1 / (r + 1); if (r < 1) r1++; }
  }
  console.log(name.padEnd(40), 'MRR', (mrr / qs.length).toFixed(4), 'R1', (r1 / qs.length).toFixed(3));
}
if (args.includes('bm25f')) {
  const body = docs.map((x) => t.indexTerms(x.text)), head = docs.map((x) => t.indexTerms(x.title));
  const tf = (arr: string[]) => { const m = new Map<string, number>(); for (const x of arr) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const btf = body.map(tf), htf = head.map(tf);
  const df = new Map<string, number>();
  for (let i = 0; i < docs.length; i++) for (const x of new Set([...btf[i].keys(), ...htf[i].keys()])) df.set(x, (df.get(x) ?? 0) + 1);
  const N = docs.length; const len = docs.map((_, i) => body[i].length + head[i].length); const avg = len.reduce((a, b) => a + b, 0) / N;
  for (const k1 of [0.5, 0.6, 0.8]) for (const hw of [1, 1.5, 2, 3]) {
    const b = 0.75; let mrr = 0;
    for (const { q, doc } of qs) {
      const scores = new Float64Array(N);
      for (const term of new Set(t.queryTerms(q))) {
        const n = df.get(term) ?? 0; if (!n) continue;
        let idf = Math.log((N - n + 0.5) / (n + 0.5)); if (idf <= 0) idf = 1e-6;
        for (let i = 0; i < N; i++) { const f = hw * (htf[i].get(term) ?? 0) + (btf[i].get(term) ?? 0); if (f) scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len[i] / avg)); }
      }
      const idx = [...scores.keys()].filter((i) => scores[i] > 0).sort((a, c) => scores[c] - scores[a] || a - c).slice(0, 10);
      const r = idx.indexOf(doc); if (r >= 0) mrr += 1 / (r + 1);
    }
    console.log(`bm25f k1=${k1} hw=${hw}`, (mrr / qs.length).toFixed(4));
  }
}
