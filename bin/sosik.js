#!/usr/bin/env node
// Entry point for `npx sosik` and `npm start`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2));
// A long-running command (serve, worker) returns -1 and keeps the process alive.
if (code >= 0) process.exit(code);
