// An outgoing message as the mail module stores it: who it is for, in which language, its
// rendered parts, and the idempotency key that makes it one message however often it is enqueued.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { Errors } from '../errors.ts';
import { LOCALES } from '../web/i18n/index.ts';

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

export const outgoingMailSchema = z.object({
  /** Printable ASCII without spaces, e.g. "verify-email:user:42:3". */
  key: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  to: z.email().max(254),
  lang: z.enum(LOCALES),
  template: z.string().min(1).max(100),
  subject: z.string().min(1).max(300).refine(noLineBreaks, 'no line breaks in a subject'),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(500_000),
  messageId: z.string().regex(/^<[^<>\s@]+@[^<>\s@]+>$/, 'a Message-ID like <local@domain>'),
  /** RFC 8058 one-click unsubscribe URL (https in production), sent as List-Unsubscribe + List-Unsubscribe-Post. */
  listUnsubscribe: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export type OutgoingMail = z.infer<typeof outgoingMailSchema>;

/** Validates a message built by a capability; a bad one is the caller's bug, answered as 422 with field paths. */
export function parseOutgoingMail(input: unknown): OutgoingMail {
  const parsed = outgoingMailSchema.safeParse(input);
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      'The message does not match the mail schema.',
    );
  }
  return parsed.data;
}

/** The sender: SOSIK_MAIL_FROM, or the site name at no-reply@ the public host. */
export function senderAddress(config: Pick<Config, 'mailFrom' | 'siteName' | 'publicUrl'>): {
  name: string;
  address: string;
} {
  const configured = config.mailFrom.trim();
  if (configured) {
    const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(configured);
    if (m) return { name: (m[1] ?? '').trim(), address: m[2]! };
    return { name: '', address: configured };
  }
  return { name: config.siteName, address: `no-reply@${new URL(config.publicUrl).hostname}` };
}

/**
 * Message-ID from the key alone (plus the sender's domain): every attempt, and a resend by an
 * admin, carries the same id, so a mailbox that got two copies can tell they are one message.
 */
export function messageIdFor(key: string, config: Pick<Config, 'mailFrom' | 'siteName' | 'publicUrl'>): string {
  const domain = senderAddress(config).address.split('@')[1] ?? 'localhost';
  const digest = crypto.createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${digest}.sosik@${domain}>`;
}
