// The press capability: press accounts and keys, the ninjs API, and the `sosik press …` commands.
import type { Capability } from '../capability.ts';
import { pressApiRoutes } from './api.ts';
import { pressCommands } from './commands.ts';
import { pressOpenApiComponents, pressOpenApiPaths } from './openapi-paths.ts';

export const pressCapability: Capability = {
  name: 'press',
  routes: pressApiRoutes,
  commands: pressCommands,
  openApi: { paths: pressOpenApiPaths, ...pressOpenApiComponents },
};
