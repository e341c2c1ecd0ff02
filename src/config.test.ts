import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, maskedConfig, optionsMarkdown, publicUrlWarning } from './config.ts';

describe('option units and ranges', () => {
  it('refuses a value outside its range at start-up, naming the option, the range and the unit', () => {
    expect(() => loadConfig({ SOSIK_JOB_POLL_MS: '5' })).toThrow(
      new ConfigError('SOSIK_JOB_POLL_MS must be between 10 and 3600000 ms, got "5"'),
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
    expect(() => loadConfig({ SOSIK_PAGE_SIZE: '0' })).toThrow(/SOSIK_PAGE_SIZE/);
    expect(() => loadConfig({ SOSIK_FEEDS_INTERVAL: '10' })).toThrow(/between 60 and 604800 seconds/);
    expect(loadConfig({ SOSIK_PAGE_CACHE_SECONDS: '0' }).pageCacheSeconds).toBe(0);
  });

  it('checks explicit overrides too, and the closed choices', () => {
    expect(() => loadConfig({}, { jobLeaseMs: 10 })).toThrow(/SOSIK_JOB_LEASE_MS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error/);
    expect(() => loadConfig({ SOSIK_SECURE_COOKIES: 'sometimes' })).toThrow(/auto, always, never/);
    expect(() => loadConfig({ SOSIK_PUBLIC_URL: 'news.example.org' })).toThrow(/http\(s\) URL/);
  });

  it('shows unit and range in the README table', () => {
    expect(optionsMarkdown()).toContain('| `SOSIK_JOB_LEASE_MS` | int (ms) | 1000–86400000 | `30000` |');
    expect(optionsMarkdown()).toContain('| `SOSIK_JOB_RETENTION_HOURS` | int (hours) |');
  });
});

describe('secret options', () => {
  const secretUrl = 'postgres://sosik:hunter2@db.internal:5432/sosik';

  it('are masked in what may be printed or logged', () => {
    const config = loadConfig({ DATABASE_URL: secretUrl, SOSIK_USER_PASSWORD: 'correct horse' });
    expect(config.databaseUrl).toBe(secretUrl);
    expect(config.userPassword).toBe('correct horse');
    const shown = JSON.stringify(maskedConfig(config));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('correct horse');
    expect(maskedConfig(config)).toMatchObject({ databaseUrl: '(set)', userPassword: '(set)', port: 3000 });
    expect(maskedConfig(loadConfig({}))).toMatchObject({ databaseUrl: '', userPassword: '' });
  });

  it('are never echoed in a configuration error', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/sosik' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must start with postgres/);
    expect(message).not.toContain('hunter2');
  });
});

describe('publicUrlWarning', () => {
  it('warns when links would say localhost while the server listens beyond loopback', () => {
    expect(publicUrlWarning(loadConfig({ HOST: '0.0.0.0' }))).toMatch(
      /SOSIK_PUBLIC_URL is http:\/\/localhost:3000 but the server listens on 0\.0\.0\.0/,
    );
    expect(publicUrlWarning(loadConfig({ HOST: '::' }))).toBeDefined();
    expect(publicUrlWarning(loadConfig({ HOST: '10.0.0.5', SOSIK_PUBLIC_URL: 'http://127.0.0.1:3000' }))).toBeDefined();
  });

  it('is quiet on loopback, or when a public URL is set', () => {
    for (const HOST of ['127.0.0.1', '::1', 'localhost'])
      expect(publicUrlWarning(loadConfig({ HOST }))).toBeUndefined();
    expect(
      publicUrlWarning(loadConfig({ HOST: '0.0.0.0', SOSIK_PUBLIC_URL: 'https://news.example.org' })),
    ).toBeUndefined();
  });
});

describe('the environment', () => {
  it('is read only by src/config.ts (every option typed, documented and masked in one place)', () => {
    const src = path.resolve(import.meta.dirname);
    const readers = (fs.readdirSync(src, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.(test|child)\.tsx?$/.test(f) && f !== 'config.ts')
      .filter((f) => /process\.env\b/.test(fs.readFileSync(path.join(src, f), 'utf8')));
    expect(readers).toEqual([]);
  });
});
