// Templates: both languages complete, the text part says what the HTML part says, values escaped.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { emailChangedTemplate, passwordResetTemplate, verifyEmailTemplate } from './reader-templates.ts';
import { buildMail, renderMail, type MailTemplate } from './template.tsx';
import { mailSettingsCheck } from './settings-check.ts';

const common = { site: '소식', name: '서연' };
// biome-ignore lint/suspicious/noExplicitAny: each template has its own variables
const TEMPLATES: Array<[MailTemplate<any>, Record<string, unknown>]> = [
  [verifyEmailTemplate, { ...common, verifyUrl: 'https://news.example.org/verify?t=v1', hours: 24 }],
  [passwordResetTemplate, { ...common, resetUrl: 'https://news.example.org/reset?t=r1', minutes: 30 }],
  [
    emailChangedTemplate,
    {
      ...common,
      newEmail: 'new@example.com',
      time: '2026-12-01 09:00',
      securityUrl: 'https://news.example.org/account',
    },
  ],
  [mailSettingsCheck, { site: '소식', siteUrl: 'https://news.example.org/' }],
];

describe('mail templates', () => {
  it.each(
    TEMPLATES.flatMap(([tpl, params]) => (['ko', 'en'] as const).map((lang) => [tpl.name, lang, tpl, params] as const)),
  )('%s in %s: every string translated, the link in both parts', (_name, lang, tpl, params) => {
    const mail = renderMail(tpl, params, lang, '소식');
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/mail\.[a-z-]+\.[a-z-]+/); // a missing key would show as itself
      expect(part).not.toMatch(/\{\w+\}/); // every parameter filled in
    }
    const url = Object.values(params).find((v) => typeof v === 'string' && v.startsWith('https://')) as string;
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain(`<html lang="${lang}">`);
    expect(mail.text).toMatch(/\n-- \n.+\n$/); // footer after the signature separator
    // The HTML part's paragraphs, tags stripped, are the text part's paragraphs.
    const htmlText = [...mail.html.matchAll(/<p[^>]*>(.*?)<\/p>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
    );
    for (const paragraph of htmlText) expect(mail.text).toContain(paragraph);
    if (lang === 'ko') expect(mail.subject).toMatch(/[가-힣]/);
    else expect(mail.subject.replace('소식', '')).not.toMatch(/[가-힣]/); // only the site's own name stays Korean
  });

  it('escapes values in HTML and keeps them verbatim in text', () => {
    const mail = renderMail(
      passwordResetTemplate,
      { site: 's', name: '"><img src=x onerror=alert(1)>', resetUrl: 'https://x.example/?a=1&b=2', minutes: 5 },
      'en',
      's',
    );
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&quot;>&lt;img src=x onerror=alert(1)>');
    expect(mail.text).toContain('Hello "><img src=x onerror=alert(1)>,');
    expect(mail.html).toContain('href="https://x.example/?a=1&amp;b=2"');
  });

  it('gives the same key the same Message-ID, and different keys different ones', () => {
    const config = loadConfig({}, { publicUrl: 'https://news.example.org' });
    const build = (key: string) =>
      buildMail(
        config,
        mailSettingsCheck,
        { site: '소식', siteUrl: 'https://news.example.org/' },
        { to: 'a@example.com', lang: 'ko', key },
      );
    expect(build('k:1').messageId).toBe(build('k:1').messageId);
    expect(build('k:1').messageId).not.toBe(build('k:2').messageId);
    expect(build('k:1').messageId).toMatch(/@news\.example\.org>$/);
  });
});
