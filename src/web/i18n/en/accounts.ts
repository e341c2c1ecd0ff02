// Strings of the staff sign-in pages.
import type { Messages } from '../index.ts';

export default {
  'accounts.login.title': 'Staff sign-in',
  'accounts.login.intro': 'Sign-in for press staff and editors. Reader accounts are not open yet.',
  'accounts.login.email': 'E-mail',
  'accounts.login.password': 'Password',
  'accounts.login.submit': 'Sign in',
  'accounts.login.failed': 'The e-mail or password is not correct.',
  'accounts.login.rateLimited': 'Too many sign-in attempts. Please try again in {minutes} min.',
  'accounts.login.missing': 'Please enter both e-mail and password.',
  'accounts.logout': 'Sign out',
  'accounts.signedInAs': 'Signed in as {name}',
  'accounts.role.admin': 'Admin',
  'accounts.role.editor': 'Editor',
  'accounts.role.press': 'Press',
} satisfies Messages;
