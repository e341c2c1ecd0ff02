// Strings of reader accounts: password and nickname rules, e-mail links, sign-in with an identity provider.
import type { Messages } from '../index.ts';

export default {
  'readers.password.too_short': 'A password needs at least 10 characters.',
  'readers.password.too_long': 'A password may not be longer than 256 characters.',
  'readers.password.repetitive': 'A password may not just repeat a few characters.',
  'readers.password.common': 'This password is too common. Please use a phrase or a mix of words others cannot guess.',
  'readers.password.contains_email': 'A password may not contain the name part of your e-mail address.',
  'readers.password.contains_nickname': 'A password may not contain your nickname.',
  'readers.nickname.too_short': 'A nickname needs at least 2 characters.',
  'readers.nickname.too_long': 'A nickname may not be longer than 20 characters.',
  'readers.nickname.invalid_characters': 'A nickname may use Hangul, Latin letters, digits and underscores (_) only.',
  'readers.nickname.reserved': 'This nickname could be taken for the site or its staff.',
  'readers.nickname.press_name': 'This nickname could be taken for a press.',
  'readers.nickname.taken': 'This nickname is already taken.',
  'readers.token.invalid': 'This link is not valid. Please open the link from the e-mail exactly as it is.',
  'readers.token.expired': 'This link has expired. Please ask for a new e-mail.',
  'readers.token.used': 'This link has already been used.',
  'readers.oidc.sign-in-with': 'Sign in with {name}',
  'readers.oidc.email_unverified': '{name} has not verified your e-mail address, so no account can be created. Verify it there and try again.',
  'readers.oidc.email_missing': '{name} did not share an e-mail address, so no account can be created.',
  'readers.oidc.state_mismatch': 'This sign-in expired or was started in another window. Please try again.',
  'readers.oidc.denied': 'Sign-in with {name} was cancelled.',
  'readers.oidc.failed': 'Sign-in with {name} could not be completed. Please try again later.',
  'readers.oidc.unavailable': '{name} cannot be reached right now. Please try again later.',
  'readers.rate-limited': 'Too many requests. Please try again in {minutes} min.',
} satisfies Messages;
