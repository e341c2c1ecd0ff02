// Sends through SOSIK_SMTP_URL with nodemailer's SMTP client. The connection is driven step by
// step (connect, TLS, login, then send) so the point of no return sits between login and MAIL
// FROM: a failure up to there certainly sent nothing, and may be retried freely.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ComposedMail } from './compose.ts';
import { DeliveryAborted, DeliveryError, type MailTransport } from './transport.ts';

export interface SmtpTarget {
  host: string;
  port: number;
  /** smtps: TLS from the first byte; smtp: STARTTLS whenever the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
}

/** Reads smtp://user:pass@host:port or smtps://…; the error never repeats the URL (it holds a password). */
export function parseSmtpUrl(url: string): SmtpTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('SOSIK_SMTP_URL is not a URL');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error('SOSIK_SMTP_URL must start with smtp:// or smtps://');
  if (!u.hostname) throw new Error('SOSIK_SMTP_URL names no host');
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
  };
}

// Kept well below the job lease (SOSIK_JOB_LEASE_MS, 30 s), so a slow server makes an attempt
// fail before another worker could take the job over.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000, dnsTimeout: 5_000 };

type SmtpError = Error & { responseCode?: number; code?: string };

function describe(err: SmtpError): string {
  return err.responseCode ? `${err.responseCode} ${err.message}` : `${err.code ?? 'ERROR'} ${err.message}`;
}

export function smtpTransport(target: SmtpTarget, options: { clientName?: string } = {}): MailTransport {
  return {
    name: 'smtp',
    idempotent: false,
    async deliver(mail: ComposedMail, _key: string, pointOfNoReturn: () => Promise<boolean>) {
      const conn = new SMTPConnection({
        host: target.host,
        port: target.port,
        secure: target.secure,
        name: options.clientName,
        logger: false,
        ...TIMEOUTS,
      });
      // The client reports socket trouble both as an event and through the pending callback.
      let lastError: SmtpError | undefined;
      conn.on('error', (err: SmtpError) => (lastError = err));
      let passed = false;
      try {
        await new Promise<void>((resolve, reject) => {
          conn.once('end', () => reject(lastError ?? new Error('connection closed')));
          conn.connect((err) => (err ? reject(err) : resolve()));
        });
        if (target.user) {
          await new Promise<void>((resolve, reject) =>
            conn.login({ user: target.user, pass: target.pass ?? '' }, (err) => (err ? reject(err) : resolve())),
          );
        }
        if (!(await pointOfNoReturn())) throw new DeliveryAborted('message moved on by another worker');
        passed = true;
        const info = await new Promise<{ response: string }>((resolve, reject) => {
          conn.once('end', () => reject(lastError ?? new Error('connection closed before the server answered')));
          conn.send(mail.envelope, mail.raw, (err, result) => (err ? reject(err) : resolve(result!)));
        });
        conn.quit();
        return { response: info.response };
      } catch (raw) {
        conn.close();
        if (raw instanceof DeliveryAborted) throw raw;
        const err = raw as SmtpError;
        const code = err.responseCode ?? 0;
        // Before the point of no return nothing was sent, and what failed (network, TLS, a wrong
        // password) is about the server, not the message: worth retrying once someone fixes it.
        if (!passed || (code >= 400 && code < 500)) throw new DeliveryError(describe(err), 'temporary', { cause: err });
        if (code >= 500) throw new DeliveryError(describe(err), 'permanent', { cause: err });
        throw new DeliveryError(describe(err), 'ambiguous', { cause: err });
      }
    },
  };
}
