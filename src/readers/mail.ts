// Everything the readers capability sends by e-mail goes through this one function, inside the
// transaction of what caused it (a sign-up, a reset request), so a message exists exactly when
// its cause was committed. Delivery is the kernel mail module's job (src/mail/).
import type { Trx } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import type { Locale } from '../web/i18n/index.ts';

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
  | (Common & { kind: 'password-reset'; url: string })
  | (Common & { kind: 'email-changed'; newEmail: string; url: string })
  | (Common & { kind: 'account-exists'; url: string });

export async function sendReaderMail(_trx: Trx, deps: Pick<AppDeps, 'log'>, mail: ReaderMail): Promise<void> {
  // Connected to the mail module once it lands on this branch (enqueueMail in this transaction).
  deps.log.info({ kind: mail.kind, key: mail.key }, 'reader mail (mail module not connected yet)');
}
