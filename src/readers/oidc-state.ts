// What a browser keeps between the start of an OIDC sign-in and the provider's redirect back:
// state, nonce and PKCE verifier, in a short-lived HttpOnly cookie, validated like any input.
import { z } from 'zod';

/** How long a started sign-in may take before the saved state is refused. */
export const OIDC_STATE_TTL_MS = 10 * 60 * 1000;
export const OIDC_STATE_COOKIE = 'sosik_oidc';

const randomValue = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);
/** What the browser keeps between the start and the callback (in an HttpOnly cookie). */
export const oidcSavedStateSchema = z.strictObject({
  state: randomValue,
  nonce: randomValue,
  codeVerifier: randomValue,
  redirectUri: z.url({ protocol: /^https?$/ }).max(2000),
  startedAt: z.number().int().nonnegative(),
});
export type OidcSavedState = z.infer<typeof oidcSavedStateSchema>;

/** The cookie value: base64url JSON (our cookies carry only base64url characters). */
export function encodeOidcState(saved: OidcSavedState): string {
  return Buffer.from(JSON.stringify(saved)).toString('base64url');
}

/** The saved state from a cookie value, or undefined for anything we did not write. */
export function decodeOidcState(value: string | undefined): OidcSavedState | undefined {
  if (!value || value.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  try {
    const parsed = oidcSavedStateSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
