// Strings of the mail module: the shared footer, the templates, and the admin outbox (/studio/outbox).
import type { Messages } from '../index.ts';

export default {
  'mail.footer': 'This message was sent automatically by {site}. Replies are not read.',

  'mail.test.subject': '[{site}] Mail settings check',
  'mail.test.intro': 'Mail from {site} works. If you can read this, you are all set.',
  'mail.test.action': 'Open {site}',

  'mail.verify-email.subject': '[{site}] Please confirm your e-mail address',
  'mail.verify-email.greeting': 'Hello {name},',
  'mail.verify-email.intro': 'To finish signing up to {site}, please confirm that this e-mail address is yours.',
  'mail.verify-email.action': 'Confirm e-mail address',
  'mail.verify-email.expiry': 'This link works for {hours} hours.',
  'mail.verify-email.not-you':
    'If you did not sign up, ignore this message: until the address is confirmed, its account cannot comment or react.',

  'mail.password-reset.subject': '[{site}] Reset your password',
  'mail.password-reset.greeting': 'Hello {name},',
  'mail.password-reset.intro': 'We received a request to reset your password. Choose a new one with the button below.',
  'mail.password-reset.action': 'Choose a new password',
  'mail.password-reset.expiry': 'This link works once, for {minutes} minutes.',
  'mail.password-reset.not-you': 'If you did not ask for this, ignore this message. Your password stays as it is.',

  'mail.email-changed.subject': '[{site}] Your account e-mail address was changed',
  'mail.email-changed.greeting': 'Hello {name},',
  'mail.email-changed.intro':
    'On {time} the e-mail address of your account was changed to {newEmail}. We send this notice to your previous address.',
  'mail.email-changed.action': 'Review account security',
  'mail.email-changed.not-you':
    'If you did not make this change, use the button above to change your password and tell the site team at once.',

  'mail.account-exists.subject': '[{site}] This address already has an account',
  'mail.account-exists.greeting': 'Hello {name},',
  'mail.account-exists.intro':
    'Someone tried to sign up for {site} with this e-mail address. It already has an account, so no new one was made.',
  'mail.account-exists.action': 'Reset password',
  'mail.account-exists.not-you':
    'If it was you, sign in with your account or reset its password. If not, you can ignore this message.',
  'mail.confirm-email.subject': '[{site}] Please confirm your new e-mail address',
  'mail.confirm-email.greeting': 'Hello {name},',
  'mail.confirm-email.intro':
    'To make this the e-mail address of your {site} account, press the button below. Until then the old address stays in use.',
  'mail.confirm-email.action': 'Confirm new address',
  'mail.confirm-email.expiry': 'This link works for {hours} hours.',
  'mail.confirm-email.not-you':
    "If you did not ask for this, ignore this message: the account's address does not change.",

  'mail.outbox.title': 'Outbox',
  'mail.outbox.nav': 'Outbox',
  'mail.outbox.transport.smtp': 'Messages go out through the mail server (SMTP).',
  'mail.outbox.transport.outbox':
    'No mail server is configured: messages are written to {dir} as .eml files (set SOSIK_SMTP_URL).',
  'mail.outbox.empty': 'No messages yet.',
  'mail.outbox.to': 'To',
  'mail.outbox.subject': 'Subject',
  'mail.outbox.template': 'Kind',
  'mail.outbox.state': 'State',
  'mail.outbox.created': 'Created',
  'mail.outbox.sent': 'Sent',
  'mail.outbox.attempts': 'Attempts',
  'mail.outbox.lang': 'Language',
  'mail.outbox.messageId': 'Message-ID',
  'mail.outbox.lastResponse': 'Last response',
  'mail.outbox.textPart': 'Text part',
  'mail.outbox.bodyCleared':
    'The body was cleared after the mail server accepted it, so links such as password resets do not stay in the database.',
  'mail.outbox.source': 'Source (.eml)',
  'mail.outbox.download': 'Download .eml',
  'mail.outbox.htmlPart': 'View HTML part',
  'mail.outbox.back': 'Back to the outbox',
  'mail.outbox.uncertainCount': '{count} message(s) may or may not have been delivered: please check.',
  'mail.outbox.resend': 'Send again',
  'mail.outbox.resendHint':
    'The recipient may already have it. The copy carries the same Message-ID, so most mailboxes show the two as one.',
  'mail.state.pending': 'Pending',
  'mail.state.sending': 'Sending',
  'mail.state.sent': 'Sent',
  'mail.state.uncertain': 'Uncertain',
  'mail.state.failed': 'Failed',
  'mail.state.help.uncertain':
    'A worker stopped after it began handing this message to the mail server, before it recorded the answer. It is not resent automatically, to avoid a duplicate.',
  'mail.state.help.sending':
    'A worker is sending it now. Should that worker have stopped, it turns “uncertain” once the job lease runs out.',
} satisfies Messages;
