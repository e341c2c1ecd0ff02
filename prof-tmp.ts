import { openDatabase } from './src/db/database.ts';
import { latestArticles } from './src/articles/read-store.ts';
const { db } = openDatabase({ sqlitePath: '/tmp/prof2.db' });
const cpu = async (name: string, n: number, fn: () => unknown) => {
  for (let i = 0; i < 100; i++) await fn();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const d = process.cpuUsage(c);
  console.log(name.padEnd(20), ((d.user + d.system) / n / 1000).toFixed(3), 'ms cpu');
};
await cpu('latest 12', 1000, () => latestArticles(db, { limit: 12 }));
await cpu('latest 100', 1000, () => latestArticles(db, { limit: 100 }));
await cpu('cats of 100', 1000, async () => {
  const ids = (await db.selectFrom('articles').select('id').orderBy('first_created_at', 'desc').limit(100).execute()).map((r) => r.id);
  return db.selectFrom('article_categories').select(['article_id', 'category_id']).where('article_id', 'in', ids).execute();
});
