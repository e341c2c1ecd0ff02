// `sosik <command>`: the process commands (serve, worker, migrate, jobs, config) and the commands
// each capability's manifest contributes (press, user, feeds, search, demo…). `sosik help` lists them.
import { parseArgs } from 'node:util';
import { REGISTRY } from './app.ts';
import { commandContext, type Command } from './cli-types.ts';
import { ConfigError, loadConfig, optionsMarkdown, maskedConfig } from './config.ts';
import { AppError } from './errors.ts';
import { createLogger, openRuntime } from './runtime.ts';
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
    options: { markdown: 'boolean' },
    summary: 'Print the effective configuration (or the README table with --markdown).',
    run: async (ctx) => {
      if (ctx.flags.markdown) ctx.print(optionsMarkdown());
      else ctx.print(JSON.stringify(maskedConfig(ctx.config), null, 2));
    },
  },
};

export const COMMANDS: Record<string, Command> = { ...coreCommands, ...REGISTRY.commands };

/** The command named by the leading words of argv (longest match, up to three words). */
function findCommand(argv: readonly string[]): { name: string; command: Command; rest: string[] } | undefined {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-') || words.length === 3) break;
    words.push(a);
  }
  for (let n = words.length; n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    if (COMMANDS[name]) return { name, command: COMMANDS[name], rest: argv.slice(n) };
  }
  return undefined;
}

/** The command's own --options (node:util parseArgs, strict: an unknown option is an error). */
export function parseCommandArgs(command: Command, rest: string[]): { args: string[]; flags: Record<string, string> } {
  const declared = command.options ?? {};
  const { values, positionals } = parseArgs({
    args: rest,
    options: Object.fromEntries(Object.entries(declared).map(([name, type]) => [name, { type }])),
    allowPositionals: true,
    strict: true,
  });
  const flags: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) flags[name] = String(value);
  return { args: positionals, flags };
}

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  sosik ${c.usage}\n      ${c.summary}`);
  return `Sosik — open-source news portal\n\nCommands:\n${lines.join('\n')}\n\nOptions come from the environment: sosik config --markdown`;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
    console.log(help());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`unknown command "${argv.filter((a) => !a.startsWith('-')).join(' ')}"\n\n${help()}`);
    return 2;
  }
  let parsed: { args: string[]; flags: Record<string, string> };
  try {
    parsed = parseCommandArgs(found.command, found.rest);
  } catch (err) {
    // parseArgs explains what is wrong ("Unknown option '--x'", "Option '--slug <value>' argument missing").
    console.error(`error: ${(err as Error).message}\nusage: sosik ${found.command.usage}`);
    return 2;
  }
  try {
    const config = loadConfig();
    // One-shot commands keep stdout for their answer: logs go to stderr.
    const ctx = commandContext({
      config,
      args: parsed.args,
      flags: parsed.flags,
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
