// An admin's "send again" for a message that may not have arrived (uncertain) or was refused
// (failed): the same row, the same key and Message-ID, a fresh job — committed together.
import type { Db } from '../db/database.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { MAIL_JOB, MAIL_MAX_ATTEMPTS, type MailJobPayload } from './enqueue.ts';

/** False when the message is not (or no longer) uncertain or failed. */
export async function resendMail(db: Db, id: number, by: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('mail_messages')
      .set({
        state: 'pending',
        attempts: 0,
        updated_at: Date.now(),
        last_response: `sent again by ${by}`.slice(0, 1000),
      })
      .where('id', '=', id)
      .where('state', 'in', ['uncertain', 'failed'])
      // A body cleared after delivery cannot be sent again (only sent messages are cleared).
      .where('text_body', 'is not', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await enqueueJob(trx, MAIL_JOB, { mailId: id } satisfies MailJobPayload, { maxAttempts: MAIL_MAX_ATTEMPTS + 2 });
    return true;
  });
}
