import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
const self = new Map<number, number>();
const dt = prof.timeDeltas as number[];
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const byId = new Map(prof.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const agg = new Map<string, number>(); const incl = new Map<string, number>();
for (const [id, t] of self) {
  const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber}`;
  agg.set(k, (agg.get(k) ?? 0) + t);
  const seen = new Set<string>(); let cur: number | undefined = id;
  while (cur !== undefined) { const m: any = byId.get(cur); const f = (m.callFrame.url.replace(/.*\/(node_modules|src)\//, '$1/') || m.callFrame.functionName); const key = f.split('/').slice(0, 3).join('/'); if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + t); } cur = parent.get(cur); }
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((t / total * 100).toFixed(1).padStart(5), k);
console.log('--- inclusive by module dir');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((t / total * 100).toFixed(1).padStart(5), k);
