// `sosik mail test --to <e-mail> [--lang ko|en]`: sends one message through the configured
// transport and waits for the outcome, so an operator can check SOSIK_SMTP_URL before readers need it.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Command } from '../cli-types.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { enqueueMail } from './enqueue.ts';
import { findMail, type MailMessageRow } from './store.ts';
import { buildMail } from './template.tsx';
import { mailSettingsCheck } from './settings-check.ts';

const flagsSchema = z.object({ to: z.email(), lang: z.enum(['ko', 'en']).default('ko') });

/** Enqueues the settings check; the caller runs the worker. Each run is a new message (a fresh key). */
export async function enqueueSettingsCheck(
  deps: Pick<AppDeps, 'db' | 'config'>,
  flags: Record<string, string>,
): Promise<number> {
  const parsed = flagsSchema.safeParse(flags);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    // The CLI prints only the message: name the flags that are wrong in it.
    const which = issues.map((i) => `--${i.path}: ${i.message}`).join('; ');
    throw Errors.validation(issues, `${which}. Usage: sosik mail test --to <e-mail> [--lang ko|en]`);
  }
  const { config } = deps;
  const message = buildMail(
    config,
    mailSettingsCheck,
    { site: config.siteName, siteUrl: `${config.publicUrl}/` },
    {
      to: parsed.data.to,
      lang: parsed.data.lang,
      key: `mail-test:${Date.now()}:${crypto.randomBytes(4).toString('hex')}`,
    },
  );
  return (await enqueueMail(deps.db, message)).id;
}

export function describeOutcome(row: MailMessageRow | undefined): { line: string; ok: boolean } {
  if (!row) return { line: 'the message disappeared', ok: false };
  const detail = row.last_response ? ` (${row.last_response})` : '';
  return {
    line: `${row.state}: ${row.subject} → ${row.to_address} ${row.message_id}${detail}`,
    ok: row.state === 'sent',
  };
}

export const mailCommands: Record<string, Command> = {
  'mail test': {
    usage: 'mail test --to <e-mail> [--lang ko|en]',
    summary: 'Send one message through SOSIK_SMTP_URL (or to the outbox folder) and report what happened.',
    options: { to: 'string', lang: 'string' },
    run: (ctx) =>
      ctx.withRuntime(async (rt) => {
        const id = await enqueueSettingsCheck(rt.deps, ctx.flags);
        // Runs what is due now; a refusal for now (4xx) is reported, its retry left to the worker.
        await rt.worker.drain();
        const outcome = describeOutcome(await findMail(rt.deps.db, id));
        ctx.print(outcome.line);
        return outcome.ok ? 0 : 1;
      }),
  },
};
