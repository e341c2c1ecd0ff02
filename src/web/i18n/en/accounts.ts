// Strings of the sign-in page (staff and readers) and the staff bar.
import type { Messages } from '../index.ts';

export default {
  'accounts.login.title': 'Sign in',
  'accounts.login.intro': 'Readers, press staff and editors all sign in here.',
  'accounts.login.remember': 'Keep me signed in',
  'accounts.login.forgot': 'Forgot your password?',
  'accounts.login.signup': 'Create an account',
  'accounts.login.notice.password-reset':
    'Your password was changed and every other session has ended. Please sign in with the new password.',
  'accounts.login.notice.signed-out-everywhere': 'You are signed out on every device.',
  'accounts.login.notice.account-deleted': 'Your account has been deleted. Thank you for reading with us.',
  'accounts.login.notice.email-verified': 'Your e-mail address is confirmed. Please sign in.',
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
