// The press capability: the ninjs API (and the API documentation, which starts with it).
import type { Capability } from '../capability.ts';
import { pressApiRoutes } from './api.ts';
import { apiDocsRoutes } from '../api-docs/routes.tsx';

export const pressCapability: Capability = {
  name: 'press',
  async routes(app, deps) {
    await pressApiRoutes(app, deps);
    await apiDocsRoutes(app, deps);
  },
};
