// The studio capability: staff pages for presses, their articles and API keys.
import type { Capability } from '../capability.ts';
import { acceptForms } from '../accounts/capability.ts';
import { studioRoutes } from './routes.tsx';

export const studioCapability: Capability = {
  name: 'studio',
  async routes(app, deps) {
    await acceptForms(app);
    await studioRoutes(app, deps);
  },
};
