// `sosik mail test` through a real runtime (SQLite file, migrations, job worker) and a real SMTP
// server; and the SMTP URL, a secret, never printed by `sosik config` nor repeated in errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commandContext } from '../cli-types.ts';
import { COMMANDS } from '../cli.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { parseSmtpUrl } from './smtp-transport.ts';
import { parseComposedMail, startSmtpServer } from './test-support.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function run(name: string, config: Config, flags: Record<string, string>) {
  const printed: string[] = [];
  const ctx = commandContext({
    config,
    args: [],
    flags,
    open: () => openRuntime(config, pino({ level: 'silent' })),
    print: (l) => printed.push(l),
  });
  return COMMANDS[name]!.run(ctx).then((code) => ({ code: code ?? 0, printed }));
}

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sosik-mail-cmd-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'db.sqlite');
}

describe('sosik mail test', () => {
  it('sends through the configured SMTP server and reports sent', async () => {
    const server = await startSmtpServer({ auth: { user: 'ops', pass: 's3cret' } });
    cleanups.push(() => server.close());
    const config = loadConfig(
      {},
      { sqlitePath: tempDb(), demo: false, smtpUrl: server.url, publicUrl: 'https://news.example.org' },
    );
    const { code, printed } = await run('mail test', config, { to: 'ops@example.com', lang: 'en' });
    expect(code).toBe(0);
    expect(printed[0]).toMatch(
      /^sent: \[소식\] Mail settings check → ops@example\.com <[0-9a-f]{32}\.sosik@news\.example\.org> \(250 /,
    );
    expect(server.received).toHaveLength(1);
    expect(parseComposedMail(server.received[0]!.raw).text).toContain('https://news.example.org/');
  });

  it('reports a refusal and exits 1', async () => {
    const server = await startSmtpServer({ refuse: () => ({ code: 554, message: 'Relay access denied' }) });
    cleanups.push(() => server.close());
    const config = loadConfig({}, { sqlitePath: tempDb(), demo: false, smtpUrl: server.url });
    const { code, printed } = await run('mail test', config, { to: 'ops@example.com' });
    expect(code).toBe(1);
    expect(printed[0]).toMatch(/^failed: .*554 Relay access denied/);
  });

  it('refuses a missing or bad --to with a field path', async () => {
    const config = loadConfig({}, { sqlitePath: tempDb(), demo: false });
    await expect(run('mail test', config, { to: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'to' })],
    });
  });
});

describe('the SMTP URL is a secret', () => {
  const url = 'smtps://mailer:hunter2-pw@smtp.example.org:465';

  it('sosik config shows only that it is set', async () => {
    const config = loadConfig({ SOSIK_SMTP_URL: url });
    const { printed } = await run('config', config, {});
    expect(printed.join('\n')).toContain('"smtpUrl": "(set)"');
    expect(printed.join('\n')).not.toContain('hunter2');
  });

  it('a malformed URL is refused without repeating it', () => {
    expect(() => loadConfig({ SOSIK_SMTP_URL: 'http://mailer:hunter2-pw@smtp.example.org' })).toThrow(ConfigError);
    try {
      loadConfig({ SOSIK_SMTP_URL: 'http://mailer:hunter2-pw@smtp.example.org' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('SOSIK_MAIL_FROM takes an address or "Name <address>", nothing else', async () => {
    const { senderAddress } = await import('./message.ts');
    const named = loadConfig({ SOSIK_MAIL_FROM: '"소식 뉴스" <news@example.org>' });
    expect(senderAddress(named)).toEqual({ name: '소식 뉴스', address: 'news@example.org' });
    expect(senderAddress(loadConfig({ SOSIK_MAIL_FROM: 'news@example.org' }))).toEqual({
      name: '',
      address: 'news@example.org',
    });
    expect(senderAddress(loadConfig({ SOSIK_PUBLIC_URL: 'https://n.example.org' }))).toEqual({
      name: '소식',
      address: 'no-reply@n.example.org',
    });
    expect(() => loadConfig({ SOSIK_MAIL_FROM: 'news at example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOSIK_MAIL_FROM: 'a@b.org, c@d.org' })).toThrow(ConfigError);
  });

  it('is read into host, port, TLS mode and credentials', () => {
    expect(parseSmtpUrl(url)).toEqual({
      host: 'smtp.example.org',
      port: 465,
      secure: true,
      user: 'mailer',
      pass: 'hunter2-pw',
    });
    expect(parseSmtpUrl('smtp://a%40b:p%3Aw@[::1]')).toEqual({
      host: '::1',
      port: 587,
      secure: false,
      user: 'a@b',
      pass: 'p:w',
    });
  });
});
