// The mail capability's public API: what other capabilities use to send e-mail. Build a message
// from a template, then enqueue it in the transaction of what caused it (README.md here).
export { enqueueMail } from './enqueue.ts';
export {
  accountExistsTemplate,
  confirmNewEmailTemplate,
  emailChangedTemplate,
  passwordResetTemplate,
  verifyEmailTemplate,
} from './reader-templates.ts';
export { buildMail, type MailTemplate, type Recipient } from './template.tsx';
export type { OutgoingMail } from './message.ts';
