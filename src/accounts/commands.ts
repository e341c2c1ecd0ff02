// `sosik user add`: staff accounts from the command line.
import type { Command } from '../cli-types.ts';
import { addUserCommand } from './add-user-command.ts';

export const accountsCommands: Record<string, Command> = {
  'user add': {
    usage: 'user add --email <e-mail> --role admin|editor|press [--press <slug>] [--password <pw>] [--json]',
    summary: 'Create a staff account (password from --password, SOSIK_USER_PASSWORD or a prompt).',
    options: { email: 'string', role: 'string', press: 'string', password: 'string', json: 'boolean' },
    run: async (ctx) => {
      return ctx.withRuntime(async (rt) => {
        ctx.print(
          await addUserCommand(
            rt.deps,
            {
              email: ctx.flags.email,
              role: ctx.flags.role,
              press: ctx.flags.press,
              password: ctx.flags.password,
              json: ctx.flags.json === 'true',
            },
            ctx.config.userPassword,
          ),
        );
      });
    },
  },
};
