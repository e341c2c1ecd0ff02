// A real OpenID Connect provider for tests (oidc-provider on 127.0.0.1, random port) with one
// confidential client, a few readers, and a browserless reader who signs in and consents through
// the provider's own interaction pages over HTTP with cookies.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestReader {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  close(): Promise<void>;
}

/**
 * `claimsInIdToken`: no userinfo endpoint, e-mail and name in the ID token (by default
 * oidc-provider keeps them for userinfo, as many real providers do).
 */
export async function startTestOidcProvider(
  readers: Record<string, TestReader>,
  opts: { claimsInIdToken?: boolean } = {},
): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'sosik-test';
  const clientSecret = 'test-secret-that-is-long-enough-for-hs256-0123456789';
  // Never contacted: the test reads the code from the provider's redirect.
  const redirectUri = 'http://127.0.0.1:9/readers/oidc/callback';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, id) =>
      readers[id] ? { accountId: id, claims: () => ({ sub: id, ...readers[id] }) } : undefined,
    // Without a userinfo endpoint the claims can only travel in the ID token.
    ...(opts.claimsInIdToken ? { features: { userinfo: { enabled: false } } } : {}),
    pkce: { required: () => true },
    cookies: { keys: ['sosik-test-cookie-key'] },
    jwks: {
      keys: [
        {
          ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          alg: 'RS256',
          use: 'sig',
        },
      ],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** An http://127.0.0.1 address nothing listens on (a port just given back by the kernel). */
export async function unreachableLoopbackUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A minimal cookie jar: the provider's cookies are scoped by path, but sending all of them is harmless. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/**
 * Plays the reader at the provider: opens the authorization URL, signs in as `login`, consents,
 * and returns the URL the provider sends the browser back to (our callback, with code and state).
 * `abort` cancels at the login page instead.
 */
export async function signInAtProvider(
  authorizationUrl: URL,
  login: string,
  opts: { abort?: boolean } = {},
): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== authorizationUrl.origin) return next; // back to the client
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) {
      const text = html
        .replace(/<style[\s\S]*?<\/style>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      throw new Error(`provider answered ${response.status}: ${text.slice(0, 300)}`);
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (prompt === 'login' && opts.abort) {
      url = new URL(`${url.pathname}/abort`, url);
    } else if (prompt === 'login') {
      body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    } else if (prompt === 'consent') {
      body = new URLSearchParams({ prompt: 'consent' });
    } else {
      throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    }
  }
  throw new Error('the provider kept redirecting');
}
