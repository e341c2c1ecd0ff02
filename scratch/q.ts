import SQLite from 'better-sqlite3';
const raw = new SQLite(process.argv[2]!, { readonly: true });
const q = process.argv[3]!;
const st = raw.prepare(q);
for (let i = 0; i < 5; i++) { const t = performance.now(); const r = st.all(); console.log((performance.now() - t).toFixed(2), r.length); }
for (const r of raw.prepare('explain query plan ' + q).all() as any[]) console.log(r.detail);
