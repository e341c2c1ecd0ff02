// The feeds capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';

export const feedsCapability: Capability = {
  name: 'feeds',
};
