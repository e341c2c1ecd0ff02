#!/usr/bin/env node
// Entry point for `npx sosik` and `npm start`: runs the compiled JavaScript in dist/ when it is
// there and no source changed since it was built (`npm run build`; `npm start` builds when
// needed), else the TypeScript sources through tsx, which compiles at run time (slower start-up).
// SOSIK_FROM_SOURCE=1 forces the sources.
import { fileURLToPath } from 'node:url';
import { distState } from './dist-freshness.js';

const root = new URL('..', import.meta.url);
let main;
if (process.env.SOSIK_FROM_SOURCE !== '1' && distState(fileURLToPath(root)) === 'fresh') {
  ({ main } = await import(new URL('dist/cli.js', root).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
const code = await main(process.argv.slice(2));
// A long-running command (serve, worker) returns -1 and keeps the process alive.
if (code >= 0) process.exit(code);
