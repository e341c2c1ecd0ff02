// The articles capability as the app composes it (routes, job handlers, background work).
import type { Capability } from '../capability.ts';
import { articlePages } from './pages.ts';

export const articlesCapability: Capability = {
  name: 'articles',
  routes: articlePages,
};
