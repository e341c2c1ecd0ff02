// Everything the readers capability sends by e-mail goes through this one function, inside the
// transaction of what caused it (a sign-up, a reset request), so a message exists exactly when
// its cause was committed. Templates (mail/reader-templates.ts) and delivery belong to the mail
// capability: enqueueMail stores the message and its delivery job in this transaction, exactly once
// per key.
import type { Trx } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import {
  accountExistsTemplate,
  buildMail,
  confirmNewEmailTemplate,
  emailChangedTemplate,
  enqueueMail,
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
