import { openDatabase } from '/work/wt-pages/src/db/database.ts';
import { migrateToLatest } from '/work/wt-pages/src/db/migrate.ts';
import SQLite from 'better-sqlite3';
const f = '/tmp/pages-work/cols.db';
const h = openDatabase({ sqlitePath: f }); await migrateToLatest(h); await h.close();
const raw = new SQLite(f);
for (const t of ['articles','article_categories','article_photos','issues','issue_articles','presses','article_reporters','reporters','article_summaries'])
  console.log(t, JSON.stringify(raw.prepare(`select name, "notnull", dflt_value from pragma_table_info(?)`).all(t).map((c:any)=>c.name + (c.notnull && c.dflt_value==null ? '!' : ''))));
console.log(raw.prepare("select sql from sqlite_master where type='index' and tbl_name in ('articles','issues','issue_articles','article_categories')").all().map((r:any)=>r.sql).join('\n'));
