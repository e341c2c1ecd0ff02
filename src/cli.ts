// `sosik <command>`: serve, migrate, press and user management, demo content, and the commands
// each capability contributes (feeds, search, issues). Run `sosik help` for the list.
import { addUserCommand } from './accounts/add-user-command.ts';
import { commandContext, type Command } from './cli-types.ts';
import { commentsCommands } from './comments/commands.ts';
import { ConfigError, loadConfig, optionsMarkdown } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { AppError } from './errors.ts';
import { feedsCommands } from './feeds/commands.ts';
import { issuesCommands } from './issues/commands.ts';
import { createPress, rotateApiKey } from './press/keys.ts';
import { createLogger, openRuntime } from './runtime.ts';
import { searchCommands } from './search/commands.ts';
import { serve } from './server.ts';

const coreCommands: Record<string, Command> = {
  serve: {
    usage: 'serve',
    summary: 'Run the web server (and, unless SOSIK_WORKERS=0, the job worker and feed polling).',
    run: async (ctx) => {
      await serve(ctx.config);
      return -1; // keep running
    },
  },
  worker: {
    usage: 'worker',
    summary: 'Run only the durable job worker (for scaled-out deployments on PostgreSQL).',
    run: async (ctx) => {
      const rt = await ctx.open();
      rt.worker.start();
      const stop = async () => {
        await rt.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop());
      process.on('SIGINT', () => void stop());
      return -1;
    },
  },
  migrate: {
    usage: 'migrate',
    summary: 'Apply database migrations and exit.',
    run: (ctx) => ctx.withRuntime(async (rt) => ctx.print(`database is up to date (${rt.deps.dialect})`)),
  },
  'press add': {
    usage: 'press add --slug <slug> --name <name> [--name-en <name>] [--homepage <url>] [--json]',
    summary: 'Create a press and print its API key (shown once).',
    run: async (ctx) => {
      const { slug, name } = ctx.flags;
      if (!slug || !name) throw new AppError('MISSING_OPTION', 400, 'Usage: sosik press add --slug <slug> --name <name>');
      return ctx.withRuntime(async (rt) => {
        const { press, apiKey } = await createPress(rt.deps, {
          slug,
          name,
          nameEn: ctx.flags['name-en'],
          homepage: ctx.flags.homepage,
          description: ctx.flags.description,
      });
      ctx.print(ctx.flags.json ? JSON.stringify({ slug: press.slug, apiKey }) : `created press ${press.slug}\nAPI key (shown once): ${apiKey}`);
      });
    },
  },
  'press rotate-key': {
    usage: 'press rotate-key --slug <slug> [--json]',
    summary: "Replace a press's API key; the old key stops working at once.",
    run: async (ctx) => {
      const slug = ctx.flags.slug ?? ctx.args[0];
      if (!slug) throw new AppError('MISSING_OPTION', 400, 'Usage: sosik press rotate-key --slug <slug>');
      return ctx.withRuntime(async (rt) => {
        const apiKey = await rotateApiKey(rt.deps, slug);
        ctx.print(ctx.flags.json ? JSON.stringify({ slug, apiKey }) : `new API key for ${slug} (shown once): ${apiKey}`);
      });
    },
  },
  'press list': {
    usage: 'press list',
    summary: 'List presses with their key prefixes.',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        const rows = await rt.deps.db.selectFrom('presses').select(['slug', 'name', 'api_key_prefix']).orderBy('slug').execute();
        for (const r of rows) ctx.print(`${r.slug}\t${r.name}\t${r.api_key_prefix ?? '-'}…`);
      });
    },
  },
  'user add': {
    usage: 'user add --email <e-mail> --role admin|editor|press [--press <slug>] [--password <pw>] [--json]',
    summary: 'Create a staff account (password from --password, SOSIK_USER_PASSWORD or a prompt).',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        ctx.print(
          await addUserCommand(rt.deps, {
            email: ctx.flags.email,
            role: ctx.flags.role,
            press: ctx.flags.press,
            password: ctx.flags.password,
            json: ctx.flags.json === 'true',
          }),
        );
      });
    },
  },
  demo: {
    usage: 'demo',
    summary: 'Add the bundled demo content (fictional presses and articles) to the database.',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        const counts = await seedDemo(rt.deps);
        await rt.worker.drain();
        ctx.print(`added ${counts.presses} presses and ${counts.articles} articles`);
      });
    },
  },
  'jobs run': {
    usage: 'jobs run',
    summary: 'Run every due job once and exit (for cron, or after a bulk import).',
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        ctx.print(`ran ${await rt.worker.drain()} jobs`);
      });
    },
  },
  config: {
    usage: 'config [--markdown]',
    summary: 'Print the effective configuration (or the README table with --markdown).',
    run: async (ctx) => {
      if (ctx.flags.markdown) ctx.print(optionsMarkdown());
      else ctx.print(JSON.stringify({ ...ctx.config, databaseUrl: ctx.config.databaseUrl ? '(set)' : '' }, null, 2));
    },
  },
};

export const COMMANDS: Record<string, Command> = { ...coreCommands, ...feedsCommands, ...searchCommands, ...issuesCommands, ...commentsCommands };

/** Splits argv into command words, positionals and --flags (`--x v`, `--x=v`, bare `--x`). */
export function parseArgv(argv: string[]): { words: string[]; flags: Record<string, string> } {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[a.slice(2)] = argv[++i];
      else flags[a.slice(2)] = 'true';
    } else words.push(a);
  }
  return { words, flags };
}

function findCommand(words: string[]): { name: string; command: Command; rest: string[] } | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    if (COMMANDS[name]) return { name, command: COMMANDS[name], rest: words.slice(n) };
  }
  return undefined;
}

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  sosik ${c.usage}\n      ${c.summary}`);
  return `Sosik — open-source news portal\n\nCommands:\n${lines.join('\n')}\n\nOptions come from the environment: sosik config --markdown`;
}

export async function main(argv: string[]): Promise<number> {
  const { words, flags } = parseArgv(argv);
  if (words.length === 0 || words[0] === 'help' || flags.help) {
    console.log(help());
    return 0;
  }
  const found = findCommand(words);
  if (!found) {
    console.error(`unknown command "${words.join(' ')}"\n\n${help()}`);
    return 2;
  }
  try {
    const config = loadConfig();
    // One-shot commands keep stdout for their answer: logs go to stderr.
    const ctx = commandContext({
      config,
      args: found.rest,
      flags,
      open: () => openRuntime(config, createLogger(config, found.name === 'worker' ? 'stdout' : 'stderr')),
      print: (line) => console.log(line),
    });
    return (await found.command.run(ctx)) ?? 0;
  } catch (err) {
    if (err instanceof AppError || err instanceof ConfigError) {
      console.error(`error: ${err.message}`);
      return err instanceof AppError && err.status < 500 ? 2 : 1;
    }
    throw err;
  }
}
