// The accounts capability: staff accounts (admin, editor, press) as a principal kind, sign-in and
// sign-out at /login, the staff page frame and guards other capabilities use (through index.ts).
import type { Capability } from '../capability.ts';
import { accountsCommands } from './commands.ts';
import { loginRoutes } from './login-routes.tsx';
import { staffPrincipal } from './staff.ts';

export const accountsCapability: Capability = {
  name: 'accounts',
  routes: loginRoutes,
  principals: [staffPrincipal],
  commands: accountsCommands,
  uncachedPaths: ['/login', '/logout'],
};
