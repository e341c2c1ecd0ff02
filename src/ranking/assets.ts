// The rankings' own static files (served at /static/ranking/ through the manifest's `assets`).
import type { CapabilityAssets } from '../capability.ts';
import { capabilityAssetUrl } from '../web/assets.ts';

export const RANKING_ASSETS: CapabilityAssets = {
  dir: new URL('./static/', import.meta.url),
  stylesheets: ['ranking.css'],
};

/** The island that sends the view beacon once the article is on screen. */
export function viewBeaconScriptUrl(): string {
  return capabilityAssetUrl('ranking', RANKING_ASSETS.dir, 'ranking-view.js');
}
