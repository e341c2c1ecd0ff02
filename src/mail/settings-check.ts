// The message `sosik mail test` sends: proves the configured transport works end to end.
import type { MailTemplate } from './template.tsx';

export const mailSettingsCheck: MailTemplate<{ site: string; siteUrl: string }> = {
  name: 'mail.test',
  subject: (tr, p) => tr('mail.test.subject', { site: p.site }),
  intro: (tr, p) => [tr('mail.test.intro', { site: p.site })],
  action: (tr, p) => ({ label: tr('mail.test.action', { site: p.site }), url: p.siteUrl }),
};
