// The mail module's public API: build a message from a typed template and enqueue it inside the
// caller's transaction (exactly once per idempotency key; see README.md).
export { enqueueMail } from './enqueue.ts';
export { buildMail, type MailTemplate, type Recipient } from './template.tsx';
export type { OutgoingMail } from './message.ts';
