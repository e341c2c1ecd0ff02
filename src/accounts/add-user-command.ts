// `sosik user add --email … --role admin|editor|press [--press slug] [--password …]`.
// The password comes from --password, else SOSIK_USER_PASSWORD (read by src/config.ts, like every
// option), else a hidden prompt on the terminal, so it need not appear in shell history.
import readline from 'node:readline';
import type { AppDeps } from '../deps.ts';
import type { Role } from '../db/schema.ts';
import { Errors } from '../errors.ts';
import { createUser } from './users.ts';

export interface AddUserOptions {
  email?: string;
  role?: string;
  press?: string;
  password?: string;
  json?: boolean;
}

/** Creates the user and returns the line to print. Throws AppError with a stable code on bad input. */
export async function addUserCommand(
  deps: Pick<AppDeps, 'db'>,
  options: AddUserOptions,
  /** config.userPassword (SOSIK_USER_PASSWORD); empty means unset. */
  passwordFromConfig = '',
): Promise<string> {
  if (!options.email)
    throw Errors.missingOption('user add --email <e-mail> --role admin|editor|press [--press <slug>]');
  if (!options.role)
    throw Errors.missingOption(
      'user add --email <e-mail> --role admin|editor|press',
      '--role admin|editor|press is required.',
    );
  const password = options.password ?? (passwordFromConfig || (await promptHidden('Password: ')));
  const user = await createUser(deps, {
    email: options.email,
    password,
    role: options.role as Role,
    pressSlug: options.press,
  });
  if (options.json)
    return JSON.stringify({ id: user.id, email: user.email, role: user.role, press: options.press ?? null });
  return `created user ${user.email} (role ${user.role}${options.press ? `, press ${options.press}` : ''})`;
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw Errors.missingOption(
      'user add --password <pw>',
      'No terminal to ask for a password: pass --password or set SOSIK_USER_PASSWORD.',
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing but the prompt while the password is typed.
  const output = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      output.output.write(s);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
