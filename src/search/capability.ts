// The search capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';
import { registerSearchJobs } from './jobs.ts';
import { searchRoutes } from './routes.ts';

export const searchCapability: Capability = {
  name: 'search',
  routes: searchRoutes,
  registerJobs: registerSearchJobs,
};
