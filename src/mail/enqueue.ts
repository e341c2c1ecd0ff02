// enqueueMail: a message is a row plus a job, written in the caller's transaction — committed
// with what caused it (a sign-up, a comment), or not at all.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { parseOutgoingMail, type OutgoingMail } from './message.ts';

export const MAIL_JOB = 'mail.send';
export interface MailJobPayload {
  mailId: number;
}

/** Delivery attempts before a message that keeps being refused for now (4xx) is given up. */
export const MAIL_MAX_ATTEMPTS = 10;

/**
 * Stores the message and its delivery job. The same key again (a retried request, a double
 * click) stores nothing and returns the first message: one key, one message, ever.
 * Call deps.nudgeJobs() after the transaction commits so the worker picks it up at once.
 */
export async function enqueueMail(
  trx: Transaction<Database> | Kysely<Database>,
  message: OutgoingMail,
): Promise<{ id: number; created: boolean }> {
  const mail = parseOutgoingMail(message);
  const now = Date.now();
  const inserted = await trx
    .insertInto('mail_messages')
    .values({
      key: mail.key,
      message_id: mail.messageId,
      to_address: mail.to,
      lang: mail.lang,
      template: mail.template,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      state: 'pending',
      attempts: 0,
      transport: null,
      last_response: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
      list_unsubscribe: mail.listUnsubscribe ?? null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom('mail_messages')
      .select('id')
      .where('key', '=', mail.key)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  // The job's own limit is a backstop; deliver.ts counts attempts on the message and parks it first.
  await enqueueJob(trx, MAIL_JOB, { mailId: inserted.id } satisfies MailJobPayload, {
    maxAttempts: MAIL_MAX_ATTEMPTS + 2,
  });
  return { id: inserted.id, created: true };
}
