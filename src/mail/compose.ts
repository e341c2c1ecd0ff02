// The RFC 5322 bytes of a stored message: the same bytes go over SMTP and into the outbox .eml.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Config } from '../config.ts';
import type { MailMessageRow } from './store.ts';
import { senderAddress } from './message.ts';

export interface ComposedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

export async function composeMail(
  config: Pick<Config, 'mailFrom' | 'siteName' | 'publicUrl'>,
  row: Pick<
    MailMessageRow,
    'to_address' | 'lang' | 'subject' | 'text_body' | 'html_body' | 'message_id' | 'created_at'
  > & { list_unsubscribe?: string | null },
): Promise<ComposedMail> {
  const from = senderAddress(config);
  const composer = new MailComposer({
    from,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body ?? '',
    html: row.html_body ?? '',
    messageId: row.message_id,
    // The time the message was decided, not the time of this attempt: a retry is the same message.
    date: new Date(row.created_at),
    headers: {
      'Content-Language': row.lang,
      // RFC 3834: an automatic message; well-behaved autoresponders do not answer it.
      'Auto-Submitted': 'auto-generated',
      // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to the URL.
      ...(row.list_unsubscribe
        ? { 'List-Unsubscribe': `<${row.list_unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : {}),
    },
    // Korean text is shorter in base64 than in quoted-printable, and base64 survives any relay.
    encoding: 'base64',
    textEncoding: 'B',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const node = composer.compile();
  return { envelope: { from: from.address, to: [row.to_address] }, raw: await node.build() };
}
