// `sosik press …`: create a press (printing its API key once), rotate its key, list presses.
import type { Command } from '../cli-types.ts';
import { Errors } from '../errors.ts';
import { createPress, listPressKeys, rotateApiKey } from './keys.ts';

export const pressCommands: Record<string, Command> = {
  'press add': {
    usage: 'press add --slug <slug> --name <name> [--name-en <name>] [--homepage <url>] [--logo <url>] [--json]',
    summary: 'Create a press and print its API key (shown once).',
    options: {
      slug: 'string',
      name: 'string',
      'name-en': 'string',
      homepage: 'string',
      logo: 'string',
      description: 'string',
      json: 'boolean',
    },
    run: async (ctx) => {
      const { slug, name } = ctx.flags;
      if (!slug || !name) throw Errors.missingOption('press add --slug <slug> --name <name>');
      return ctx.withRuntime(async (rt) => {
        const { press, apiKey } = await createPress(rt.deps, {
          slug,
          name,
          nameEn: ctx.flags['name-en'],
          homepage: ctx.flags.homepage,
          logoUrl: ctx.flags.logo,
          description: ctx.flags.description,
        });
        ctx.print(
          ctx.flags.json
            ? JSON.stringify({ slug: press.slug, apiKey })
            : `created press ${press.slug}\nAPI key (shown once): ${apiKey}`,
        );
      });
    },
  },
  'press rotate-key': {
    usage: 'press rotate-key --slug <slug> [--json]',
    summary: "Replace a press's API key; the old key stops working at once.",
    options: { slug: 'string', json: 'boolean' },
    run: async (ctx) => {
      const slug = ctx.flags.slug ?? ctx.args[0];
      if (!slug) throw Errors.missingOption('press rotate-key --slug <slug>');
      return ctx.withRuntime(async (rt) => {
        const apiKey = await rotateApiKey(rt.deps, slug);
        ctx.print(
          ctx.flags.json ? JSON.stringify({ slug, apiKey }) : `new API key for ${slug} (shown once): ${apiKey}`,
        );
      });
    },
  },
  'press list': {
    usage: 'press list',
    summary: 'List presses with their key prefixes.',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        for (const r of await listPressKeys(rt.deps)) ctx.print(`${r.slug}\t${r.name}\t${r.apiKeyPrefix ?? '-'}…`);
      });
    },
  },
};
