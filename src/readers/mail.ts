// Everything the readers capability sends by e-mail goes through this one function, inside the
// transaction of what caused it (a sign-up, a reset request), so a message exists exactly when
// its cause was committed. Templates and delivery belong to the mail capability (src/mail/):
// enqueueMail stores the message and its delivery job in this transaction, exactly once per key.
import type { Trx } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import {
  buildMail,
  emailChangedTemplate,
  enqueueMail,
  type MailTemplate,
  passwordResetTemplate,
  verifyEmailTemplate,
} from '../mail/index.ts';
import { dateTime } from '../web/format.ts';
import type { Locale } from '../web/i18n/index.ts';
import { TOKEN_TTL_MS } from './tokens.ts';

interface Common {
  to: string;
  lang: Locale;
  /** The reader's nickname, for the greeting. */
  name: string;
  /** Idempotency key naming the reason (never a second message for one reason). */
  key: string;
}

export type ReaderMail =
  | (Common & { kind: 'verify-email'; url: string })
  | (Common & { kind: 'confirm-new-email'; url: string })
  | (Common & { kind: 'password-reset'; url: string })
  | (Common & { kind: 'email-changed'; newEmail: string; url: string })
  | (Common & { kind: 'account-exists'; url: string });

/** Someone tried to sign up with an address that already has an account (the owner is told, nobody else). */
export const accountExistsTemplate: MailTemplate<{ site: string; name: string; resetUrl: string }> = {
  name: 'readers.account-exists',
  subject: (tr, p) => tr('readers.mail.account-exists.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('readers.mail.account-exists.greeting', { name: p.name }),
    tr('readers.mail.account-exists.intro', { site: p.site }),
  ],
  action: (tr, p) => ({ label: tr('readers.mail.account-exists.action'), url: p.resetUrl }),
  outro: (tr) => [tr('readers.mail.account-exists.not-you')],
};

/** The link to a new address the account is moving to (sign-up's verify message speaks of signing up). */
export const confirmNewEmailTemplate: MailTemplate<{ site: string; name: string; verifyUrl: string; hours: number }> = {
  name: 'readers.confirm-new-email',
  subject: (tr, p) => tr('readers.mail.confirm-email.subject', { site: p.site }),
  intro: (tr, p) => [
    tr('readers.mail.confirm-email.greeting', { name: p.name }),
    tr('readers.mail.confirm-email.intro', { site: p.site }),
  ],
  action: (tr, p) => ({ label: tr('readers.mail.confirm-email.action'), url: p.verifyUrl }),
  outro: (tr, p) => [
    tr('readers.mail.confirm-email.expiry', { hours: p.hours }),
    tr('readers.mail.confirm-email.not-you'),
  ],
};

export async function sendReaderMail(trx: Trx, deps: Pick<AppDeps, 'config'>, mail: ReaderMail): Promise<void> {
  const site = deps.config.siteName;
  const recipient = { to: mail.to, lang: mail.lang, key: mail.key };
  const message = (() => {
    switch (mail.kind) {
      case 'verify-email':
        return buildMail(
          deps.config,
          verifyEmailTemplate,
          { site, name: mail.name, verifyUrl: mail.url, hours: TOKEN_TTL_MS.verify_email / 3_600_000 },
          recipient,
        );
      case 'confirm-new-email':
        return buildMail(
          deps.config,
          confirmNewEmailTemplate,
          { site, name: mail.name, verifyUrl: mail.url, hours: TOKEN_TTL_MS.verify_email / 3_600_000 },
          recipient,
        );
      case 'password-reset':
        return buildMail(
          deps.config,
          passwordResetTemplate,
          { site, name: mail.name, resetUrl: mail.url, minutes: TOKEN_TTL_MS.reset_password / 60_000 },
          recipient,
        );
      case 'email-changed':
        return buildMail(
          deps.config,
          emailChangedTemplate,
          {
            site,
            name: mail.name,
            newEmail: mail.newEmail,
            time: dateTime(mail.lang, Date.now()),
            securityUrl: mail.url,
          },
          recipient,
        );
      case 'account-exists':
        return buildMail(deps.config, accountExistsTemplate, { site, name: mail.name, resetUrl: mail.url }, recipient);
    }
  })();
  await enqueueMail(trx, message);
}
