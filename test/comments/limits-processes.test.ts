// Two real `sosik serve` processes on one PostgreSQL schema, one reader posting to both at once:
// the per-article limit (3) lets exactly 3 comments through however the posts interleave, and
// every refusal names the limit. (limits.test.ts races two apps in one process; this races two
// processes, each with its own pool, as a deployment runs them.)
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrlWithSchema, testDialects } from '../helpers/databases.ts';
import type { TestApp } from '../helpers/app.ts';
import { commentsTestApp, csrfFor, makeArticle, verifiedReader, type TestReader } from './support.ts';
import { serverProcessEnv } from '../helpers/server-process.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/sosik.js');
const PER_ARTICLE = 3;
const POSTS = 16;

function startServer(env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    const listen = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const onPostgres = (await testDialects()).includes('postgres');

describe.skipIf(!onPostgres)('comment limits across two server processes (postgres)', () => {
  let t: TestApp;
  let reader: TestReader;
  let ports: number[];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await commentsTestApp('postgres', { commentsPerArticle: PER_ARTICLE });
    reader = await verifiedReader(t, '두서버', '10.63.0.1');
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.deps.db)).rows[0]!.s;
    const env = serverProcessEnv(pgUrlWithSchema(schema), {
      SOSIK_PUBLIC_URL: 'http://sosik.test',
      SOSIK_WORKERS: '0',
      SOSIK_NEW_ACCOUNT_WAIT_HOURS: '0',
      SOSIK_COMMENT_GAP_SECONDS: '0',
      SOSIK_COMMENTS_PER_ARTICLE: String(PER_ARTICLE),
    });
    ports = await Promise.all([startServer(env, children), startServer(env, children)]);
  }, 180_000);

  afterAll(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    }
    await t?.close();
  });

  it(`${POSTS} simultaneous posts through both processes: exactly ${PER_ARTICLE} are written`, async () => {
    const article = (await makeArticle(t)).id;
    const csrf = await csrfFor(reader, article);
    const cookie = [...reader.browser.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
    const post = (i: number) =>
      fetch(`http://127.0.0.1:${ports[i % 2]}/articles/${article}/comments`, {
        method: 'POST',
        headers: {
          cookie,
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': csrf,
        },
        body: new URLSearchParams({ body: `두 프로세스에 동시에 쓴 댓글 ${i}` }).toString(),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { error?: { code: string } } }));
    const results = await Promise.all(Array.from({ length: POSTS }, (_, i) => post(i)));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(results),
    ).toHaveLength(PER_ARTICLE);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(
      refused.map(() => [429, 'COMMENT_LIMIT_REACHED']),
    );
    const stored = await t.deps.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', article)
      .where('reader_id', '=', reader.id)
      .execute();
    expect(stored).toHaveLength(PER_ARTICLE);
    const counter = await t.deps.db
      .selectFrom('comment_counters')
      .select('count')
      .where('reader_id', '=', reader.id)
      .where('bucket', '=', `article:${article}`)
      .executeTakeFirstOrThrow();
    expect(Number(counter.count)).toBe(PER_ARTICLE);
  });
});
