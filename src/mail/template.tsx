// A message is built from a typed template: subject, intro paragraphs, one action link, a footer.
// The HTML part is rendered by preact (every value escaped), the text part from the same strings,
// so the two can never say different things.
import { renderToString } from 'preact-render-to-string';
import type { Config } from '../config.ts';
import { translator, type Locale, type Translate } from '../web/i18n/index.ts';
import { messageIdFor, parseOutgoingMail, type OutgoingMail } from './message.ts';

export interface MailAction {
  label: string;
  /** Absolute http(s) URL; anything else is refused when the message is built. */
  url: string;
}

export interface MailTemplate<P> {
  /** Stable name, shown in /studio/outbox, e.g. "readers.verify-email". */
  name: string;
  subject(tr: Translate, params: P): string;
  intro(tr: Translate, params: P): string[];
  action?(tr: Translate, params: P): MailAction;
  /** Paragraphs after the action (how long a link lasts, what to do if it was not you). */
  outro?(tr: Translate, params: P): string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  intro: string[];
  action?: MailAction;
  outro: string[];
  footer: string;
  lang: Locale;
}

function assertWebUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new Error(`mail action links must be http(s) URLs, got "${url.slice(0, 40)}"`);
}

// Mail clients ignore <style> and stylesheets: styles are inline, the layout is one column.
const BODY =
  'margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;color:#1b1d21;';
const CARD = 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;';
const BUTTON =
  'display:inline-block;padding:12px 20px;background:#1f5eff;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;';
const FOOTER = 'max-width:560px;margin:16px auto 0;color:#6b7079;font-size:12px;line-height:1.5;';

function MailHtml({ parts }: { parts: Parts }) {
  return (
    <html lang={parts.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{parts.subject}</title>
      </head>
      <body style={BODY}>
        <div style={CARD}>
          {parts.intro.map((p) => (
            <p style="margin:0 0 16px;line-height:1.6;">{p}</p>
          ))}
          {parts.action ? (
            <p style="margin:24px 0;">
              <a href={parts.action.url} style={BUTTON}>
                {parts.action.label}
              </a>
            </p>
          ) : null}
          {parts.action ? (
            <p style="margin:0 0 16px;font-size:13px;color:#6b7079;word-break:break-all;">{parts.action.url}</p>
          ) : null}
          {parts.outro.map((p) => (
            <p style="margin:0 0 16px;line-height:1.6;">{p}</p>
          ))}
        </div>
        <p style={FOOTER}>{parts.footer}</p>
      </body>
    </html>
  );
}

function textPart(parts: Parts): string {
  const blocks = [...parts.intro];
  if (parts.action) blocks.push(`${parts.action.label}:\n${parts.action.url}`);
  blocks.push(...parts.outro);
  // "-- " is the signature separator mail clients recognise and fold away.
  return `${blocks.join('\n\n')}\n\n-- \n${parts.footer}\n`;
}

/** Subject, text and HTML of a template in one language. */
export function renderMail<P>(template: MailTemplate<P>, params: P, lang: Locale, siteName: string): RenderedMail {
  const tr = translator(lang);
  const action = template.action?.(tr, params);
  if (action) assertWebUrl(action.url);
  const parts: Parts = {
    subject: template.subject(tr, params),
    intro: template.intro(tr, params),
    action,
    outro: template.outro?.(tr, params) ?? [],
    footer: tr('mail.footer', { site: siteName }),
    lang,
  };
  return {
    subject: parts.subject,
    text: textPart(parts),
    html: '<!doctype html>' + renderToString(<MailHtml parts={parts} />),
  };
}

export interface Recipient {
  to: string;
  lang: Locale;
  /** Idempotency key: the same key never yields a second message. */
  key: string;
  /** One-click unsubscribe URL (subscription mail). */
  listUnsubscribe?: string;
}

/** A message ready for enqueueMail: rendered, addressed, with its deterministic Message-ID. */
export function buildMail<P>(
  config: Pick<Config, 'mailFrom' | 'siteName' | 'publicUrl'>,
  template: MailTemplate<P>,
  params: P,
  recipient: Recipient,
): OutgoingMail {
  const rendered = renderMail(template, params, recipient.lang, config.siteName);
  return parseOutgoingMail({
    key: recipient.key,
    to: recipient.to,
    lang: recipient.lang,
    template: template.name,
    ...rendered,
    messageId: messageIdFor(recipient.key, config),
    ...(recipient.listUnsubscribe ? { listUnsubscribe: recipient.listUnsubscribe } : {}),
  });
}
