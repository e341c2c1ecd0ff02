// The issues capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';

export const issuesCapability: Capability = {
  name: 'issues',
};
