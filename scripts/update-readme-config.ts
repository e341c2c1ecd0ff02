// Rewrites the configuration table in README.md from src/config.ts (`npm run docs:config`).
import fs from 'node:fs';
import path from 'node:path';
import { optionsMarkdown } from '../src/config.ts';

const file = path.resolve(import.meta.dirname, '../README.md');
const readme = fs.readFileSync(file, 'utf8');
const [before, rest] = readme.split('<!-- config-table -->');
const after = rest.includes('<!-- /config-table -->') ? rest.split('<!-- /config-table -->')[1] : rest;
fs.writeFileSync(file, `${before}<!-- config-table -->\n${optionsMarkdown()}\n<!-- /config-table -->${after}`);
console.log('README configuration table updated');
