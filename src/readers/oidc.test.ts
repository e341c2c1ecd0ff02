// OIDC sign-in against a real provider (oidc-provider on 127.0.0.1), driven through its own
// login and consent pages over HTTP.
import { inspect } from 'node:util';
import type * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, maskedConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { t } from '../web/i18n/index.ts';
import { beginOidcSignIn, completeOidcSignIn, oidcErrorMessageKey, requireVerifiedEmail } from './oidc.ts';
import { cachedOidcConfiguration, discoverOidc, oidcSettings, oidcSettingsFromConfig } from './oidc-settings.ts';
import { decodeOidcState, encodeOidcState, OIDC_STATE_TTL_MS, type OidcSavedState } from './oidc-state.ts';
import {
  signInAtProvider,
  startTestOidcProvider,
  type TestOidcProvider,
  unreachableLoopbackUrl,
} from './oidc-test-provider.ts';

let provider: TestOidcProvider;
let configuration: client.Configuration;

beforeAll(async () => {
  provider = await startTestOidcProvider({
    minji: { email: 'minji@example.kr', email_verified: true, name: '박민지' },
    unverified: { email: 'someone@example.kr', email_verified: false, name: 'Someone' },
    noemail: { name: '익명' },
    oddname: { email: 'odd@example.kr', email_verified: true, name: { ko: '이상한' } as unknown as string },
  });
  configuration = await discoverOidc(
    oidcSettings({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowHttpLoopback: true,
    }),
  );
});
afterAll(() => provider.close());

/** The code of an AppError a promise rejects with. */
async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** Start, sign in at the provider as `login`, and come back: the callback URL and the saved state (through the cookie). */
async function signIn(login: string): Promise<{ callback: URL; saved: OidcSavedState }> {
  const { url, saved } = await beginOidcSignIn(configuration, provider.redirectUri);
  const callback = await signInAtProvider(url, login);
  return { callback, saved: decodeOidcState(encodeOidcState(saved))! };
}

describe('OIDC sign-in against a real provider', () => {
  it('asks for the code flow with PKCE S256, state and nonce', async () => {
    const { url, saved } = await beginOidcSignIn(configuration, provider.redirectUri);
    expect(url.origin).toBe(provider.issuer);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(provider.clientId);
    expect(p.get('redirect_uri')).toBe(provider.redirectUri);
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).not.toBe(saved.codeVerifier);
    expect(p.get('state')).toBe(saved.state);
    expect(p.get('nonce')).toBe(saved.nonce);
    expect(url.href).not.toContain(saved.codeVerifier);
    expect(url.href).not.toContain(provider.clientSecret);
  });

  it('signs a reader in and tells who they are, with a verified e-mail', async () => {
    const { callback, saved } = await signIn('minji');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const identity = await completeOidcSignIn(configuration, callback, saved);
    expect(identity).toEqual({
      issuer: provider.issuer,
      subject: 'minji',
      email: 'minji@example.kr',
      emailVerified: true,
      name: '박민지',
    });
    expect(requireVerifiedEmail(identity).email).toBe('minji@example.kr');
  });

  it('refuses a callback whose state is not the one this browser saved', async () => {
    const { callback, saved } = await signIn('minji');
    const forged = new URL(callback);
    forged.searchParams.set('state', `${saved.state.slice(0, -1)}x`);
    expect(await errorCode(completeOidcSignIn(configuration, forged, saved))).toBe('OIDC_STATE_MISMATCH');
    // Another sign-in's saved state (e.g. a login CSRF carrying the attacker's code) is refused too.
    const other = (await beginOidcSignIn(configuration, provider.redirectUri)).saved;
    expect(await errorCode(completeOidcSignIn(configuration, callback, other))).toBe('OIDC_STATE_MISMATCH');
    // No cookie at all, or a cookie we did not write.
    expect(await errorCode(completeOidcSignIn(configuration, callback, undefined))).toBe('OIDC_STATE_MISMATCH');
    expect(decodeOidcState('bm90IGpzb24')).toBeUndefined();
    expect(decodeOidcState(encodeOidcState({ ...saved, state: 'short' }))).toBeUndefined();
    // The untouched callback still works: the refusals above spent nothing.
    expect((await completeOidcSignIn(configuration, callback, saved)).subject).toBe('minji');
  });

  it('refuses a sign-in that was started too long ago', async () => {
    const { callback, saved } = await signIn('minji');
    const later = saved.startedAt + OIDC_STATE_TTL_MS + 1;
    expect(await errorCode(completeOidcSignIn(configuration, callback, saved, later))).toBe('OIDC_STATE_MISMATCH');
  });

  it('refuses a callback that arrives at another path than the one it was started for', async () => {
    const { callback, saved } = await signIn('minji');
    const elsewhere = new URL(callback);
    elsewhere.pathname = '/elsewhere';
    expect(await errorCode(completeOidcSignIn(configuration, elsewhere, saved))).toBe('OIDC_STATE_MISMATCH');
  });

  it('refuses a callback claiming to come from another issuer (mix-up)', async () => {
    const { callback, saved } = await signIn('minji');
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    const mixedUp = new URL(callback);
    mixedUp.searchParams.set('iss', 'https://evil.example');
    expect(await errorCode(completeOidcSignIn(configuration, mixedUp, saved))).toBe('OIDC_STATE_MISMATCH');
  });

  it('refuses a replayed code', async () => {
    const { callback, saved } = await signIn('minji');
    expect((await completeOidcSignIn(configuration, callback, saved)).subject).toBe('minji');
    const replay = await completeOidcSignIn(configuration, callback, saved).catch((err: unknown) => err);
    expect(replay).toMatchObject({ code: 'OIDC_CODE_REJECTED', status: 400 });
    // Whatever logs the error (with its cause) must not learn the client secret.
    const logged = inspect(replay, { depth: 20, showHidden: true });
    expect(logged).toContain('invalid_grant');
    expect(logged).not.toContain(provider.clientSecret);
    expect(logged).not.toContain(Buffer.from(`${provider.clientId}:${provider.clientSecret}`).toString('base64'));
  });

  it('refuses a code redeemed without its PKCE verifier', async () => {
    const { callback, saved } = await signIn('minji');
    const stolen = {
      ...saved,
      codeVerifier: (await beginOidcSignIn(configuration, provider.redirectUri)).saved.codeVerifier,
    };
    expect(await errorCode(completeOidcSignIn(configuration, callback, stolen))).toBe('OIDC_CODE_REJECTED');
  });

  it('reports an unverified e-mail, and refuses it for creating an account', async () => {
    const { callback, saved } = await signIn('unverified');
    const identity = await completeOidcSignIn(configuration, callback, saved);
    expect(identity).toMatchObject({ subject: 'unverified', email: 'someone@example.kr', emailVerified: false });
    expect(() => requireVerifiedEmail(identity)).toThrow(
      expect.objectContaining({ code: 'OIDC_EMAIL_UNVERIFIED', status: 403 }),
    );
  });

  it('reports a missing e-mail, and refuses it for creating an account', async () => {
    const { callback, saved } = await signIn('noemail');
    const identity = await completeOidcSignIn(configuration, callback, saved);
    expect(identity).toEqual({
      issuer: provider.issuer,
      subject: 'noemail',
      email: null,
      emailVerified: false,
      name: '익명',
    });
    expect(() => requireVerifiedEmail(identity)).toThrow(expect.objectContaining({ code: 'OIDC_EMAIL_MISSING' }));
  });

  it('drops a claim of the wrong type instead of failing the sign-in', async () => {
    const { callback, saved } = await signIn('oddname');
    expect(await completeOidcSignIn(configuration, callback, saved)).toMatchObject({
      subject: 'oddname',
      email: 'odd@example.kr',
      emailVerified: true,
      name: null,
    });
  });

  it('says so when the reader cancels at the provider', async () => {
    const { url, saved } = await beginOidcSignIn(configuration, provider.redirectUri);
    const callback = await signInAtProvider(url, 'minji', { abort: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(await errorCode(completeOidcSignIn(configuration, callback, saved))).toBe('OIDC_DENIED');
  });
});

describe('OIDC sign-in with the claims in the ID token', () => {
  it('reads e-mail, its verified flag and the name from the ID token', async () => {
    const idTokenProvider = await startTestOidcProvider(
      {
        minji: { email: 'minji@example.kr', email_verified: true, name: '박민지' },
        unverified: { email: 'x@example.kr', email_verified: false },
      },
      { claimsInIdToken: true },
    );
    try {
      const settings = oidcSettings({
        issuer: idTokenProvider.issuer,
        clientId: idTokenProvider.clientId,
        clientSecret: idTokenProvider.clientSecret,
        allowHttpLoopback: true,
      });
      const config = await discoverOidc(settings);
      const run = async (login: string) => {
        const { url, saved } = await beginOidcSignIn(config, idTokenProvider.redirectUri);
        return completeOidcSignIn(config, await signInAtProvider(url, login), saved);
      };
      expect(await run('minji')).toEqual({
        issuer: idTokenProvider.issuer,
        subject: 'minji',
        email: 'minji@example.kr',
        emailVerified: true,
        name: '박민지',
      });
      expect(await run('unverified')).toMatchObject({ email: 'x@example.kr', emailVerified: false });
    } finally {
      await idTokenProvider.close();
    }
  });
});

describe('OIDC configuration', () => {
  it('refuses http issuers unless allowed, and then only on loopback', async () => {
    const base = { clientId: 'c', clientSecret: 's' };
    expect(await errorCode(discoverOidc(oidcSettings({ ...base, issuer: provider.issuer })))).toBe(
      'OIDC_MISCONFIGURED',
    );
    expect(
      await errorCode(discoverOidc(oidcSettings({ ...base, issuer: 'http://example.org', allowHttpLoopback: true }))),
    ).toBe('OIDC_MISCONFIGURED');
    expect(
      await errorCode(
        discoverOidc(oidcSettings({ ...base, issuer: 'http://localhost.example.org', allowHttpLoopback: true })),
      ),
    ).toBe('OIDC_MISCONFIGURED');
  });

  it('discovers once per settings, and tries again after a failure', async () => {
    const settings = oidcSettings({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowHttpLoopback: true,
    });
    const first = await cachedOidcConfiguration(settings);
    expect(await cachedOidcConfiguration(settings)).toBe(first);
    const down = oidcSettings({
      issuer: await unreachableLoopbackUrl(),
      clientId: 'c',
      clientSecret: 's',
      allowHttpLoopback: true,
    });
    const failed = cachedOidcConfiguration(down);
    expect(await errorCode(failed)).toBe('OIDC_UNAVAILABLE');
    expect(cachedOidcConfiguration(down)).not.toBe(failed);
    await cachedOidcConfiguration(down).catch(() => {});
  });

  it('answers 503 when the provider cannot be reached', async () => {
    const settings = oidcSettings({
      issuer: await unreachableLoopbackUrl(),
      clientId: 'c',
      clientSecret: 's',
      allowHttpLoopback: true,
      timeoutSeconds: 5,
    });
    expect(await errorCode(discoverOidc(settings))).toBe('OIDC_UNAVAILABLE');
  });

  it('refuses a redirect URI with a query (the callback is matched on origin and path)', async () => {
    expect(await errorCode(beginOidcSignIn(configuration, `${provider.redirectUri}?next=/`))).toBe(
      'OIDC_MISCONFIGURED',
    );
  });

  it('reads SOSIK_OIDC_*, all three or none, https only', () => {
    const env = {
      SOSIK_OIDC_ISSUER: 'https://accounts.example.org',
      SOSIK_OIDC_CLIENT_ID: 'sosik',
      SOSIK_OIDC_CLIENT_SECRET: 'hunter2-but-longer',
    };
    const settings = oidcSettingsFromConfig(loadConfig(env));
    expect(settings).toMatchObject({
      issuer: 'https://accounts.example.org',
      clientId: 'sosik',
      name: 'accounts.example.org',
    });
    expect(settings?.clientSecret).toBe('hunter2-but-longer');
    expect(oidcSettingsFromConfig(loadConfig({ ...env, SOSIK_OIDC_NAME: '학교 계정' }))?.name).toBe('학교 계정');
    expect(oidcSettingsFromConfig(loadConfig({}))).toBeUndefined();
    expect(() => loadConfig({ SOSIK_OIDC_ISSUER: env.SOSIK_OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, SOSIK_OIDC_ISSUER: 'http://accounts.example.org' })).toThrow(/https/);
  });

  it('never prints or serialises the client secret', () => {
    const config = loadConfig({
      SOSIK_OIDC_ISSUER: 'https://accounts.example.org',
      SOSIK_OIDC_CLIENT_ID: 'sosik',
      SOSIK_OIDC_CLIENT_SECRET: 'the-secret-value',
      DATABASE_URL: 'postgres://u:pw-value@db/sosik',
    });
    const printed = JSON.stringify(maskedConfig(config));
    expect(printed).not.toContain('the-secret-value');
    expect(printed).not.toContain('pw-value');
    expect(maskedConfig(config)).toMatchObject({ oidcClientSecret: '(set)', oidcClientId: 'sosik' });
    const settings = oidcSettingsFromConfig(config)!;
    expect(JSON.stringify(settings)).not.toContain('the-secret-value');
    expect(inspect(settings, { depth: 5 })).not.toContain('the-secret-value');
  });

  it('has a message for every error code', () => {
    for (const code of [
      'OIDC_STATE_MISMATCH',
      'OIDC_CODE_REJECTED',
      'OIDC_DENIED',
      'OIDC_EMAIL_MISSING',
      'OIDC_EMAIL_UNVERIFIED',
      'OIDC_UNAVAILABLE',
      'OIDC_FAILED',
    ]) {
      const key = oidcErrorMessageKey(code);
      expect(t('ko', key)).not.toBe(key);
      expect(t('en', key)).not.toBe(key);
    }
    expect(t('ko', 'readers.oidc.sign-in-with', { name: '카카오' })).toBe('카카오 계정으로 로그인');
  });
});
