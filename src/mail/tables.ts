// Tables owned by the mail module (merged into Database in src/db/schema.ts).
import type { Generated } from 'kysely';

/**
 * pending   — committed with what caused it, not yet handed to a transport
 * sending   — a worker reached the point of no return (SMTP session open, about to send the
 *             envelope and data); the outcome is not recorded yet
 * sent      — the transport confirmed (SMTP 250, or the .eml file is in the outbox)
 * uncertain — found in `sending` on a retry: the worker died or lost the connection after the
 *             point of no return, so the server may have the message. Never resent automatically
 *             (at most once); an admin can send it again from /studio/outbox.
 * failed    — refused permanently (SMTP 5xx) or out of attempts
 */
export type MailState = 'pending' | 'sending' | 'sent' | 'uncertain' | 'failed';

export interface MailMessageTable {
  id: Generated<number>;
  /** The caller's idempotency key (e.g. "verify-email:user:42:1"): one message per key, ever. */
  key: string;
  /** Derived from the key, so every attempt and every resend carries the same Message-ID. */
  message_id: string;
  to_address: string;
  lang: string;
  /** Template name, for the admin list (e.g. "mail.test"). */
  template: string;
  subject: string;
  /** Cleared after an SMTP delivery, so live links (password reset) do not linger in the database. */
  text_body: string | null;
  html_body: string | null;
  state: MailState;
  attempts: number;
  /** 'smtp' or 'outbox': the transport of the last attempt. */
  transport: string | null;
  /** The server's last reply (250 … queued as …) or the last error, in words. */
  last_response: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** One-click unsubscribe URL of a subscription message (migration 0015); null for account mail. */
  list_unsubscribe: string | null;
}

export interface MailTables {
  mail_messages: MailMessageTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds this capability's tables
  interface Database extends MailTables {}
}
