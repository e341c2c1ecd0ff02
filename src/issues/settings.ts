// The one clustering configuration the portal ships; the evaluation runs exactly this.
import { DEFAULT_ENGINE, type EngineConfig } from './engine.ts';
import { DEFAULT_FEATURES, type FeatureOptions } from './features.ts';

export interface ClusteringSettings {
  engine: EngineConfig;
  features: FeatureOptions;
  /** Start the IDF from the bundled demo content's document frequencies (df-prior.ts). */
  prior: boolean;
}

export const SHIPPED_CLUSTERING: ClusteringSettings = {
  engine: DEFAULT_ENGINE,
  features: DEFAULT_FEATURES,
  prior: true,
};
