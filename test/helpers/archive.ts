// A stored archive of N generated articles behind the demo content, written straight in SQL (one
// INSERT … SELECT per table over a generated series, inside one transaction), so a million rows
// take seconds instead of the hours ingest would. Used by the query-plan test (test/perf/) and by
// `bench:pages --stored`, which keeps it in a file (SQLite) or a schema (PostgreSQL) to reuse.
//
// What it writes, per generated article i (ids follow the demo's, times go back 3 s per article
// from an hour ago: 1M articles are ~35 days of a Daum-sized portal):
//   articles            every press in turn; every 40th withdrawn
//   article_categories  one category in turn, every 5th a second one
//   article_photos      every 3rd article
//   issues + members    every even article joins an issue of 20 (visible, all presses)
// and the kept counts (presses.article_count) recomputed once at the end.
import { sql } from 'kysely';
import type { Db, Dialect } from '../../src/db/database.ts';

export const ARCHIVE_SPACING_MS = 3_000;
const ISSUE_SIZE = 20;

interface Ids {
  articleBase: number;
  issueBase: number;
  pressMin: number;
  pressCount: number;
  categoryMin: number;
  categoryCount: number;
}

/** Ids must run without gaps: the generated rows pick a press and category by arithmetic. */
async function contiguous(db: Db, table: 'presses' | 'categories'): Promise<{ min: number; count: number }> {
  const r = await db
    .selectFrom(table)
    .select((eb) => [eb.fn.min('id').as('min'), eb.fn.max('id').as('max'), eb.fn.countAll().as('n')])
    .executeTakeFirstOrThrow();
  const min = Number(r.min);
  const count = Number(r.n);
  if (Number(r.max) - min + 1 !== count) throw new Error(`${table} ids have gaps; the generator needs them contiguous`);
  return { min, count };
}

/** The series 0..n-1 as a table `g(i)`: generate_series on PostgreSQL, a recursive CTE on SQLite. */
function series(dialect: Dialect, n: number) {
  return dialect === 'postgres'
    ? sql`(select generate_series(0, ${sql.lit(n - 1)})::bigint as i) as g`
    : sql`(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${sql.lit(n - 1)}) select i from s) as g`;
}

/** Appends `count` generated articles (and their rows) to a database that holds the demo content. */
export async function generateArchive(db: Db, dialect: Dialect, count: number, now = Date.now()): Promise<void> {
  const presses = await contiguous(db, 'presses');
  const categories = await contiguous(db, 'categories');
  const top = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const issueTop = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const ids: Ids = {
    articleBase: Number(top?.m ?? 0) + 1,
    issueBase: Number(issueTop?.m ?? 0) + 1,
    pressMin: presses.min,
    pressCount: presses.count,
    categoryMin: categories.min,
    categoryCount: categories.count,
  };
  const newest = now - 3_600_000;
  const g = series(dialect, count);
  const lit = sql.lit;
  // Article i was created at `at(i)`: i = 0 is the newest, so the newest generated ids are the oldest
  // articles — the archive was imported after the fact, which is what a backfill looks like.
  const at = sql`(${lit(newest)} - g.i * ${lit(ARCHIVE_SPACING_MS)})`;
  const id = sql`(${lit(ids.articleBase)} + g.i)`;
  const text = (s: string) => (dialect === 'postgres' ? sql`${lit(s)} || g.i::text` : sql`${lit(s)} || g.i`);
  const issueCount = Math.ceil(count / 2 / ISSUE_SIZE);
  await db.transaction().execute(async (trx) => {
    await sql`insert into articles (id, press_id, uri, headline, subheadline, series, body_html, body_text, summary,
        lang, bylines, keywords, copyright, link, status, source, revision, first_created_at, updated_at,
        received_at, withdrawn_at)
      select ${id}, ${lit(ids.pressMin)} + g.i % ${lit(ids.pressCount)}, ${text('urn:archive:')},
        ${text('보관 기사: 지역 경제와 물가 동향 ')}, null, null,
        ${text('<p>지난달 지역 경제는 완만한 회복세를 보였다. 소비자 물가는 전년 대비 소폭 올랐고, 고용 지표는 대체로 안정적이었다. 기사 번호 ')} || '</p>',
        ${text('지난달 지역 경제는 완만한 회복세를 보였다. 소비자 물가는 전년 대비 소폭 올랐고, 고용 지표는 대체로 안정적이었다. 기사 번호 ')},
        ${text('지역 경제 완만한 회복세 ')}, 'ko', '[{"name":"보관 기자"}]', '["경제","물가"]', null, null,
        case when g.i % 40 = 39 then 'withdrawn' else 'usable' end, 'api', 1, ${at}, ${at}, ${at},
        case when g.i % 40 = 39 then ${at} else null end
      from ${g}`.execute(trx);
    await sql`insert into article_categories (article_id, category_id)
      select ${id}, ${lit(ids.categoryMin)} + g.i % ${lit(ids.categoryCount)} from ${g}`.execute(trx);
    if (ids.categoryCount > 1)
      await sql`insert into article_categories (article_id, category_id)
        select ${id}, ${lit(ids.categoryMin)} + (g.i + 1) % ${lit(ids.categoryCount)} from ${g} where g.i % 5 = 0`.execute(
        trx,
      );
    await sql`insert into article_photos (article_id, position, url, width, height, caption, credit, alt)
      select ${id}, 0, ${text('https://img.example/archive/')} || '.jpg', 1200, 800, '자료 사진', null, ''
      from ${g} where g.i % 3 = 0`.execute(trx);
    // Issue k holds the even articles 2·20k … 2·20k + 38, so it spans 40 articles' time.
    const ig = series(dialect, issueCount);
    // Slugs are "<id>-<words>": the issue pages find an issue by the id in front.
    const slug =
      dialect === 'postgres'
        ? sql`(${lit(ids.issueBase)} + g.i)::text || '-archive-issue'`
        : sql`(${lit(ids.issueBase)} + g.i) || '-archive-issue'`;
    const first = sql`(${lit(newest)} - (g.i * ${lit(2 * ISSUE_SIZE)} + ${lit(2 * ISSUE_SIZE - 2)}) * ${lit(ARCHIVE_SPACING_MS)})`;
    const last = sql`(${lit(newest)} - g.i * ${lit(2 * ISSUE_SIZE)} * ${lit(ARCHIVE_SPACING_MS)})`;
    await sql`insert into issues (id, slug, auto_name, editor_name, lead_article_id, pinned_article_id, hidden, curated,
        merged_into, category_id, article_count, press_count, visible, first_at, last_at, created_at, updated_at, centroid)
      select ${lit(ids.issueBase)} + g.i, ${slug}, ${text('보관 이슈 ')},
        null, ${lit(ids.articleBase)} + g.i * ${lit(2 * ISSUE_SIZE)}, null, 0, 0, null,
        ${lit(ids.categoryMin)} + g.i % ${lit(ids.categoryCount)}, ${lit(ISSUE_SIZE)}, ${lit(Math.min(ISSUE_SIZE, ids.pressCount))},
        1, ${first}, ${last}, ${last}, ${last}, '[]'
      from ${ig}`.execute(trx);
    await sql`insert into issue_articles (article_id, issue_id, press_id, published_at, revision, similarity, locked,
        vector, assigned_at)
      select ${id}, ${lit(ids.issueBase)} + g.i / ${lit(2 * ISSUE_SIZE)}, ${lit(ids.pressMin)} + g.i % ${lit(ids.pressCount)},
        ${at}, 1, 0.5, 0, '[]', ${at}
      from ${g} where g.i % 2 = 0`.execute(trx);
    await sql`update presses set article_count = (select count(*) from articles a where a.press_id = presses.id and a.status = 'usable')`.execute(
      trx,
    );
  });
  if (dialect === 'postgres') {
    for (const table of ['articles', 'issues', 'article_photos'])
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    // These tables only: a bare VACUUM would visit every schema of the database.
    await sql`vacuum analyze articles, article_categories, article_photos, issues, issue_articles, presses`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
}
