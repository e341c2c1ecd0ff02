// The delivery state machine of one message: pending → sending → sent, with the exactly-once
// reasoning in src/mail/README.md. In short: the message row moves to `sending` (committed)
// before the transport may hand anything over, and to `sent` after the server's 250. A retry
// that finds `sending` cannot know whether the 250 came, so it never sends again (the message
// becomes `uncertain`, shown to admins) — unless the transport is idempotent (the outbox).
import type { AppDeps } from '../deps.ts';
import { PermanentJobError } from '../jobs/permanent-error.ts';
import { composeMail } from './compose.ts';
import { MAIL_MAX_ATTEMPTS } from './enqueue.ts';
import { findMail, transition } from './store.ts';
import type { MailState } from './tables.ts';
import { DeliveryAborted, DeliveryError, type MailTransport } from './transport.ts';

export const UNCERTAIN_AFTER_CRASH =
  'A worker stopped after it began handing this message to the mail server, before it recorded the answer. The server may have it, so it was not sent again.';

export async function deliverMail(
  deps: Pick<AppDeps, 'db' | 'config' | 'log'>,
  mailId: number,
  transport: MailTransport,
): Promise<void> {
  const { db, log } = deps;
  const row = await findMail(db, mailId);
  if (!row || row.state === 'sent' || row.state === 'failed' || row.state === 'uncertain') return;
  if (row.state === 'sending' && !transport.idempotent) {
    if (await transition(db, row.id, ['sending'], 'uncertain', { last_response: UNCERTAIN_AFTER_CRASH })) {
      log.warn({ mailId: row.id, key: row.key }, 'mail found in sending state: marked uncertain, not resent');
    }
    return;
  }
  const from: MailState[] = [row.state];
  const attempts = row.attempts + 1;
  await db
    .updateTable('mail_messages')
    .set({ attempts, updated_at: Date.now() })
    .where('id', '=', row.id)
    .where('state', 'in', from)
    .execute();

  const composed = await composeMail(deps.config, row);
  let result: { response: string };
  // Whether this attempt moved the row to `sending`. A failure before that must only touch a row
  // still `pending`: another worker (this one's lease ran out) may be mid-delivery with it.
  let mine = false;
  const pointOfNoReturn = async () =>
    (mine = await transition(db, row.id, from, 'sending', { transport: transport.name }));
  try {
    result = await transport.deliver(composed, row.key, pointOfNoReturn);
  } catch (err) {
    if (err instanceof DeliveryAborted) return;
    if (!(err instanceof DeliveryError)) throw err;
    if (err.failure === 'ambiguous') {
      await transition(db, row.id, ['sending'], 'uncertain', { last_response: err.message });
      log.warn({ mailId: row.id, err }, 'mail connection lost after the point of no return: marked uncertain');
      return;
    }
    const givingUp = err.failure === 'permanent' || attempts >= MAIL_MAX_ATTEMPTS;
    await transition(db, row.id, mine ? ['sending'] : ['pending'], givingUp ? 'failed' : 'pending', {
      last_response: err.message,
    });
    if (givingUp) throw new PermanentJobError(`mail ${row.id} not delivered: ${err.message}`, { cause: err });
    throw err; // the job queue retries with backoff
  }
  // A slow worker whose job was meanwhile marked uncertain by another still has the proof: sent.
  await transition(db, row.id, ['sending', 'uncertain'], 'sent', {
    sent_at: Date.now(),
    last_response: result.response,
    // Over SMTP the copy now lives in the recipient's mailbox; a reset link has no business staying here.
    clearBody: transport.name === 'smtp',
  });
}
