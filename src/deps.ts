// What every service, route and job handler receives (declared with the manifest types).
export type { AppDeps } from './capability.ts';
