// The API documentation: /api/openapi.json and /api/docs, assembled from every manifest's `openApi`.
import type { Capability } from '../capability.ts';
import { apiDocsRoutes } from './routes.tsx';

export const apiDocsCapability: Capability = {
  name: 'api-docs',
  routes: apiDocsRoutes,
};
