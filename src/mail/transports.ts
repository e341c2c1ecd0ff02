// Which transport this process uses: SMTP when SOSIK_SMTP_URL is set, else the outbox folder.
import path from 'node:path';
import type { Config } from '../config.ts';
import { outboxTransport } from './outbox-transport.ts';
import { parseSmtpUrl, smtpTransport } from './smtp-transport.ts';
import type { MailTransport } from './transport.ts';

export function mailTransportFor(config: Pick<Config, 'smtpUrl' | 'outboxDir' | 'publicUrl'>): MailTransport {
  if (config.smtpUrl)
    return smtpTransport(parseSmtpUrl(config.smtpUrl), { clientName: new URL(config.publicUrl).hostname });
  return outboxTransport(path.resolve(config.outboxDir));
}
