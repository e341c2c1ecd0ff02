// `npm run bench:account-timing`: do the answers that must not reveal whether an address has an
// account also take the same time? Medians (and p90) of
//   - /login with a wrong password for a reader, for a staff member, and for an unknown address;
//   - /password-reset for a registered and an unknown address;
//   - /signup for a registered and a new address.
// through app.inject on an in-memory SQLite database. Attempts interleave the cases so drift hits
// all of them alike. BENCH_ROUNDS (default 40) per case.
import pino from 'pino';
import { buildApp, REGISTRY } from '../src/app.ts';
import { createUser } from '../src/accounts/users.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { AppDeps } from '../src/deps.ts';
import { loadCommonPasswords } from '../src/readers/password-policy.ts';
import { signUpFields, TestBrowser } from '../src/readers/test-support.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

function stats(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.floor(sorted.length * 0.9)]! };
}

const handle = openDatabase({ sqlitePath: ':memory:' });
await migrateToLatest(handle);
// Limits high enough that the benchmark measures the checks, not the throttle.
const config = loadConfig(
  {},
  {
    demo: false,
    workers: false,
    logLevel: 'silent',
    publicUrl: 'http://bench.test',
    loginMaxPerAccount: 10_000,
    loginMaxPerIp: 10_000,
  },
);
const deps: AppDeps = {
  db: handle.db,
  dialect: 'sqlite',
  config,
  log: pino({ level: 'silent' }),
  nudgeJobs: () => {},
  registry: REGISTRY,
};
const app = await buildApp(deps);
await app.ready();
await loadCommonPasswords();
await createUser(deps, { email: 'staff@bench.test', password: 'correct horse battery', role: 'editor' });
await new TestBrowser(app, '10.0.0.1').submit(
  '/signup',
  '/signup',
  signUpFields({ email: 'reader@bench.test', nickname: '독자' }),
);

const cases: Record<string, (i: number) => Promise<number>> = {};
const timed = async (fn: () => Promise<{ statusCode: number }>) => {
  const start = process.hrtime.bigint();
  const res = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.statusCode >= 500) throw new Error(`status ${res.statusCode}`);
  return ms;
};
// Every attempt comes from its own address (/64 for v6 is counted per IP): rate limits stay out of the way.
const ip = (i: number, c: number) => `10.${c}.${Math.floor(i / 250)}.${i % 250}`;
const loginCase = (email: string, c: number) => async (i: number) => {
  const b = new TestBrowser(app, ip(i, c));
  const page = await b.get('/login');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return timed(() => b.post('/login', { _csrf: csrf, email, password: 'wrong but long enough' }));
};
cases['login: reader, wrong password'] = loginCase('reader@bench.test', 1);
cases['login: staff, wrong password'] = loginCase('staff@bench.test', 2);
cases['login: unknown address'] = loginCase('nobody@bench.test', 3);
const resetCase = (email: (i: number) => string, c: number) => async (i: number) => {
  const b = new TestBrowser(app, ip(i, c));
  const page = await b.get('/password-reset');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return timed(() => b.post('/password-reset', { _csrf: csrf, email: email(i) }));
};
// Distinct registered addresses, so the per-address limit (3 an hour) never answers instead.
const registered: string[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const email = `r${i}@bench.test`;
  await new TestBrowser(app, ip(i, 9)).submit('/signup', '/signup', signUpFields({ email, nickname: `벤치${i}` }));
  registered.push(email);
}
cases['reset: registered address'] = resetCase((i) => registered[i]!, 4);
cases['reset: unknown address'] = resetCase((i) => `u${i}@bench.test`, 5);
const signUpCase = (email: (i: number) => string, c: number) => async (i: number) => {
  const b = new TestBrowser(app, ip(i, c));
  const page = await b.get('/signup');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return timed(() =>
    b.post('/signup', { _csrf: csrf, ...signUpFields({ email: email(i), nickname: `가입${c}x${i}` }) }),
  );
};
cases['sign-up: registered address'] = signUpCase((i) => registered[i]!, 6);
cases['sign-up: new address'] = signUpCase((i) => `n${i}@bench.test`, 7);

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, run] of Object.entries(cases)) samples[name]!.push(await run(i));
}
console.log(`rounds per case: ${ROUNDS} (app.inject, SQLite in memory)`);
for (const [name, s] of Object.entries(samples)) {
  const { median, p90 } = stats(s);
  console.log(`${name.padEnd(32)} median ${median.toFixed(1).padStart(6)} ms   p90 ${p90.toFixed(1).padStart(6)} ms`);
}
await app.close();
await handle.close();
