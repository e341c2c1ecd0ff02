// Messages the reader accounts will send (verify an address, reset a password, tell the old
// address it was replaced). Templates only: the readers capability builds the links and keys.
import type { MailTemplate } from './template.tsx';

interface Common {
  site: string;
  /** The reader's display name. */
  name: string;
}

export const verifyEmailTemplate: MailTemplate<Common & { verifyUrl: string; hours: number }> = {
  name: 'readers.verify-email',
  subject: (tr, p) => tr('mail.verify-email.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('mail.verify-email.greeting', { name: p.name }),
    tr('mail.verify-email.intro', { site: p.site }),
  ],
  action: (tr, p) => ({ label: tr('mail.verify-email.action'), url: p.verifyUrl }),
  outro: (tr, p) => [tr('mail.verify-email.expiry', { hours: p.hours }), tr('mail.verify-email.not-you')],
};

export const passwordResetTemplate: MailTemplate<Common & { resetUrl: string; minutes: number }> = {
  name: 'readers.password-reset',
  subject: (tr, p) => tr('mail.password-reset.subject', { site: p.site }),
  intro: (tr, p) => [tr('mail.password-reset.greeting', { name: p.name }), tr('mail.password-reset.intro')],
  action: (tr, p) => ({ label: tr('mail.password-reset.action'), url: p.resetUrl }),
  outro: (tr, p) => [tr('mail.password-reset.expiry', { minutes: p.minutes }), tr('mail.password-reset.not-you')],
};

/** Sent to the previous address, so a hijacked account is noticed by its owner. */
export const emailChangedTemplate: MailTemplate<Common & { newEmail: string; time: string; securityUrl: string }> = {
  name: 'readers.email-changed',
  subject: (tr, p) => tr('mail.email-changed.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('mail.email-changed.greeting', { name: p.name }),
    tr('mail.email-changed.intro', { time: p.time, newEmail: p.newEmail }),
  ],
  action: (tr, p) => ({ label: tr('mail.email-changed.action'), url: p.securityUrl }),
  outro: (tr) => [tr('mail.email-changed.not-you')],
};
