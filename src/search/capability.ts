// The search capability as the app composes it: /search and its API, the index job that follows
// every article change, `sosik search reindex`, and the API's OpenAPI description.
import type { Capability } from '../capability.ts';
import { searchCommands } from './commands.ts';
import { SEARCH_INDEX_JOB, searchIndexJob } from './jobs.ts';
import { searchOpenApiPaths, searchOpenApiSchemas } from './openapi-paths.ts';
import { searchRoutes } from './routes.ts';

export const searchCapability: Capability = {
  name: 'search',
  routes: searchRoutes,
  jobs: [searchIndexJob],
  onArticleChanged: [SEARCH_INDEX_JOB],
  commands: searchCommands,
  openApi: { paths: searchOpenApiPaths, schemas: searchOpenApiSchemas },
};
