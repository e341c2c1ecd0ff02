// The subscriptions' own static files (served at /static/subscriptions/ through the manifest's `assets`).
import type { CapabilityAssets } from '../capability.ts';

export const SUBSCRIPTIONS_ASSETS: CapabilityAssets = {
  dir: new URL('./static/', import.meta.url),
  stylesheets: ['subscriptions.css'],
};
