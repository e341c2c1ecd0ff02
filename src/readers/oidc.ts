// Reader sign-in with any OpenID Connect provider (Kakao, Naver via a bridge, Google, Keycloak, a
// university's IdP …), configured by issuer URL, client id and secret. Authorization code flow
// with PKCE (S256), state and nonce, through openid-client, which also checks the ID token's
// signature, issuer, audience, expiry and nonce, and the RFC 9207 `iss` parameter when the
// provider sends one.
//
// The flow, as a route will use it:
//   GET /readers/oidc/start    → beginOidcSignIn (configuration from oidc-settings.ts): redirect to
//                                `url`, keep `saved` in a short-lived HttpOnly cookie (oidc-state.ts)
//   GET /readers/oidc/callback → completeOidcSignIn with the full callback URL and the decoded
//                                cookie (clear it first: one attempt per cookie) → identity
//   then link by (issuer, subject); to create an account, requireVerifiedEmail(identity).
import crypto from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import { type AppError, Errors } from '../errors.ts';
import { OIDC_STATE_TTL_MS, type OidcSavedState } from './oidc-state.ts';

const OIDC_SCOPE = 'openid email profile';

/** Where to send the reader, and what to remember until they come back. */
export async function beginOidcSignIn(
  configuration: client.Configuration,
  redirectUri: string,
  now = Date.now(),
): Promise<{ url: URL; saved: OidcSavedState }> {
  const redirect = URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
  if (!redirect || redirect.search || redirect.hash || !/^https?:$/.test(redirect.protocol)) {
    // Ours, not the reader's: the callback is matched on origin and path alone.
    throw Errors.oidcMisconfigured(`the redirect URI must be an http(s) URL without query, got "${redirectUri}"`);
  }
  const saved: OidcSavedState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri: `${redirect.origin}${redirect.pathname}`,
    startedAt: now,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    response_type: 'code',
    redirect_uri: saved.redirectUri,
    scope: OIDC_SCOPE,
    state: saved.state,
    nonce: saved.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(saved.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, saved };
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  issuer: string;
  /** Stable per provider: link accounts by (issuer, subject), never by e-mail alone. */
  subject: string;
  email: string | null;
  /** True only when the provider vouches for `email`. */
  emailVerified: boolean;
  name: string | null;
}

// The claims we read, from the ID token or the userinfo response: outside input like any other.
// Only `sub` is required; an odd value in any other claim is dropped rather than failing the sign-in.
const optionalText = z.string().max(1000).optional().catch(undefined);
const claimsSchema = z.looseObject({
  sub: z.string().min(1).max(255),
  email: optionalText,
  // Some providers (AWS Cognito among them) send the flag as a string.
  email_verified: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .catch(undefined),
  name: optionalText,
  nickname: optionalText,
  preferred_username: optionalText,
});
type Claims = z.infer<typeof claimsSchema>;

const emailSchema = z.email().max(254);

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const stateMismatch = () => Errors.oidcStateMismatch();

/** Maps what openid-client throws onto our stable codes. */
function providerFailure(err: unknown): AppError {
  if (err instanceof client.AuthorizationResponseError) {
    return err.error === 'access_denied'
      ? Errors.oidcDenied(err)
      : Errors.oidcFailed(err, `The provider refused the sign-in (${err.error}).`);
  }
  if (err instanceof client.ResponseBodyError && err.error === 'invalid_grant') {
    // A code used twice, expired, or issued for another client or verifier.
    return Errors.oidcCodeRejected(err);
  }
  if (
    err instanceof client.ResponseBodyError ||
    err instanceof client.ClientError ||
    err instanceof client.WWWAuthenticateChallengeError
  ) {
    return Errors.oidcFailed(err);
  }
  return Errors.oidcUnavailable(err);
}

function toIdentity(issuer: string, subject: string, emailSource: Claims | undefined, profile: Claims): OidcIdentity {
  const email =
    emailSource?.email !== undefined && emailSchema.safeParse(emailSource.email.trim()).success
      ? emailSource.email.trim()
      : null;
  const verified = emailSource?.email_verified === true || emailSource?.email_verified === 'true';
  const fullName = (profile.name ?? profile.nickname ?? profile.preferred_username)?.trim();
  const name = fullName ? Array.from(fullName).slice(0, 100).join('') : null;
  return { issuer, subject, email, emailVerified: email !== null && verified, name };
}

/**
 * Finishes a sign-in: checks the callback against what `beginOidcSignIn` saved, redeems the code
 * (once: the provider refuses a replay) and reads who signed in. The e-mail and its verified flag
 * are taken from the same source (ID token, else userinfo), so a flag never vouches for an
 * address it was not issued with.
 */
export async function completeOidcSignIn(
  configuration: client.Configuration,
  callbackUrl: URL,
  saved: OidcSavedState | undefined,
  now = Date.now(),
): Promise<OidcIdentity> {
  if (!saved || now - saved.startedAt > OIDC_STATE_TTL_MS || now < saved.startedAt) throw stateMismatch();
  // The callback must arrive where this sign-in said it would, carrying this sign-in's state.
  if (`${callbackUrl.origin}${callbackUrl.pathname}` !== saved.redirectUri) throw stateMismatch();
  const state = callbackUrl.searchParams.get('state');
  if (state === null || !sameString(state, saved.state)) throw stateMismatch();
  // RFC 9207: a response naming another issuer belongs to another sign-in (a mix-up attack).
  const iss = callbackUrl.searchParams.get('iss');
  if (iss !== null && iss !== configuration.serverMetadata().issuer) throw stateMismatch();

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: saved.codeVerifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw providerFailure(err);
  }
  const idClaims = claimsSchema.safeParse(tokens.claims());
  if (!idClaims.success) throw Errors.oidcFailed(undefined, 'The provider sent an ID token without a usable subject.');
  const issuer = configuration.serverMetadata().issuer;
  if (idClaims.data.email !== undefined) return toIdentity(issuer, idClaims.data.sub, idClaims.data, idClaims.data);

  // Many providers keep e-mail out of the ID token; userinfo (checked against the same subject) has it.
  let userinfo: Claims | undefined;
  try {
    const parsed = claimsSchema.safeParse(
      await client.fetchUserInfo(configuration, tokens.access_token, idClaims.data.sub),
    );
    userinfo = parsed.success ? parsed.data : undefined;
  } catch (err) {
    throw providerFailure(err);
  }
  return toIdentity(issuer, idClaims.data.sub, userinfo, { ...userinfo, ...idClaims.data });
}

/**
 * The identity, if it may create an account: an e-mail the provider has verified. (Signing in to
 * an account already linked to (issuer, subject) needs no e-mail at all.) Otherwise a 403 with
 * OIDC_EMAIL_MISSING or OIDC_EMAIL_UNVERIFIED.
 */
export function requireVerifiedEmail(identity: OidcIdentity): OidcIdentity & { email: string } {
  if (identity.email === null) {
    throw Errors.oidcEmailMissing();
  }
  if (!identity.emailVerified) {
    throw Errors.oidcEmailUnverified();
  }
  return identity as OidcIdentity & { email: string };
}

/** The i18n key (src/web/i18n/{ko,en}/readers.ts) to show for an OIDC error code; params: { name }. */
export function oidcErrorMessageKey(code: string): string {
  switch (code) {
    case 'OIDC_STATE_MISMATCH':
    case 'OIDC_CODE_REJECTED':
      return 'readers.oidc.state_mismatch';
    case 'OIDC_DENIED':
      return 'readers.oidc.denied';
    case 'OIDC_EMAIL_MISSING':
      return 'readers.oidc.email_missing';
    case 'OIDC_EMAIL_UNVERIFIED':
      return 'readers.oidc.email_unverified';
    case 'OIDC_UNAVAILABLE':
    case 'OIDC_MISCONFIGURED':
      return 'readers.oidc.unavailable';
    default:
      return 'readers.oidc.failed';
  }
}
