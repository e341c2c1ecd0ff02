// Every message the reader accounts send (verify an address, confirm a new one, reset a password,
// tell the old address it was replaced, tell an owner someone signed up with their address).
// Templates only: the readers capability builds the links and keys.
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

/** Someone tried to sign up with an address that already has an account (the owner is told, nobody else). */
export const accountExistsTemplate: MailTemplate<{ site: string; name: string; resetUrl: string }> = {
  name: 'readers.account-exists',
  subject: (tr, p) => tr('mail.account-exists.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('mail.account-exists.greeting', { name: p.name }),
    tr('mail.account-exists.intro', { site: p.site }),
  ],
  action: (tr, p) => ({ label: tr('mail.account-exists.action'), url: p.resetUrl }),
  outro: (tr) => [tr('mail.account-exists.not-you')],
};

/** The link to a new address the account is moving to (sign-up's verify message speaks of signing up). */
export const confirmNewEmailTemplate: MailTemplate<{ site: string; name: string; verifyUrl: string; hours: number }> = {
  name: 'readers.confirm-new-email',
  subject: (tr, p) => tr('mail.confirm-email.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('mail.confirm-email.greeting', { name: p.name }),
    tr('mail.confirm-email.intro', { site: p.site }),
  ],
  action: (tr, p) => ({ label: tr('mail.confirm-email.action'), url: p.verifyUrl }),
  outro: (tr, p) => [tr('mail.confirm-email.expiry', { hours: p.hours }), tr('mail.confirm-email.not-you')],
};
