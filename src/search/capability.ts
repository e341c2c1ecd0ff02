// The search capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';

export const searchCapability: Capability = {
  name: 'search',
};
