// The mail.send job: one delivery attempt of one stored message.
import { z } from 'zod';
import { PermanentJobError } from '../jobs/permanent-error.ts';
import { registerJobHandler } from '../jobs/queue.ts';
import { deliverMail } from './deliver.ts';
import { MAIL_JOB } from './enqueue.ts';
import { mailTransportFor } from './transports.ts';

const payloadSchema = z.object({ mailId: z.number().int().positive() });

export function registerMailJobs(): void {
  registerJobHandler(MAIL_JOB, async (payload, deps) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`bad mail.send payload: ${parsed.error.message}`);
    await deliverMail(deps, parsed.data.mailId, mailTransportFor(deps.config));
  });
}
