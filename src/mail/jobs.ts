// The mail.send job: one delivery attempt of one stored message.
import { z } from 'zod';
import { defineJob } from '../capability.ts';
import { deliverMail } from './deliver.ts';
import { MAIL_JOB } from './enqueue.ts';
import { mailTransportFor } from './transports.ts';

export const mailSendJob = defineJob({
  kind: MAIL_JOB,
  payload: z.object({ mailId: z.number().int().positive() }),
  run: (payload, deps) => deliverMail(deps, payload.mailId, mailTransportFor(deps.config)),
});
