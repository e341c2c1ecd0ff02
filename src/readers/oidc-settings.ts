// Which OpenID Connect provider readers may sign in with, and its discovered configuration.
// The client secret never leaves this object in a serialisation; http issuers are refused except
// on loopback when a test (or a developer) asks for it.
import * as client from 'openid-client';
import type { Config } from '../config.ts';
import { Errors } from '../errors.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Not enumerable: JSON.stringify, pino and util.inspect leave it out. */
  readonly clientSecret: string;
  /** Shown on the button ("카카오 계정으로 로그인"). */
  name: string;
  /**
   * Lets an http issuer on a loopback address through (a provider started by a test or on a
   * developer's machine). Never set from the environment: production issuers are https.
   */
  allowHttpLoopback?: boolean;
  /** Per request to the provider (discovery, token, userinfo). */
  timeoutSeconds?: number;
}

/** Settings with the secret kept out of every serialisation. */
export function oidcSettings(
  input: Omit<OidcSettings, 'clientSecret' | 'name'> & { clientSecret: string; name?: string },
): OidcSettings {
  const { clientSecret, ...rest } = input;
  const settings = { ...rest, name: input.name || new URL(input.issuer).hostname } as OidcSettings;
  Object.defineProperty(settings, 'clientSecret', { value: clientSecret, enumerable: false });
  return settings;
}

/** The settings from SOSIK_OIDC_*, or undefined when OIDC sign-in is not configured. */
export function oidcSettingsFromConfig(
  config: Pick<Config, 'oidcIssuer' | 'oidcClientId' | 'oidcClientSecret' | 'oidcName'>,
): OidcSettings | undefined {
  if (!config.oidcIssuer) return undefined;
  return oidcSettings({
    issuer: config.oidcIssuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    name: config.oidcName,
  });
}

function isLoopbackHost(hostname: string): boolean {
  return /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/** The issuer as a URL, refusing plain http except on loopback when allowed. */
function issuerUrl(settings: OidcSettings): URL {
  const url = URL.canParse(settings.issuer) ? new URL(settings.issuer) : undefined;
  if (url?.protocol === 'https:') return url;
  if (url?.protocol === 'http:' && settings.allowHttpLoopback && isLoopbackHost(url.hostname)) return url;
  throw Errors.oidcMisconfigured(`the issuer must be an https URL, got "${settings.issuer}"`);
}

/**
 * Fetches the provider's discovery document and keys into an openid-client Configuration.
 * Do it once per process and reuse the result (it holds the JWKS cache).
 */
export async function discoverOidc(settings: OidcSettings): Promise<client.Configuration> {
  const url = issuerUrl(settings);
  const insecure = url.protocol === 'http:';
  try {
    return await client.discovery(url, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
      timeout: settings.timeoutSeconds ?? 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (err) {
    throw Errors.oidcUnavailable(
      err,
      `The sign-in provider at ${url.origin} could not be reached or described itself wrongly.`,
    );
  }
}

const discovered = new WeakMap<OidcSettings, Promise<client.Configuration>>();

/** discoverOidc once per settings object (per process); a failed discovery is retried by the next caller. */
export function cachedOidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  let pending = discovered.get(settings);
  if (!pending) {
    pending = discoverOidc(settings);
    discovered.set(settings, pending);
    pending.catch(() => discovered.delete(settings));
  }
  return pending;
}
