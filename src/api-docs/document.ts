// The OpenAPI 3.1 document of Sosik's public API, assembled from what each capability's manifest
// documents (`openApi`), plus the error shape every endpoint shares.
import type { OpenApiPart } from '../capability.ts';

export function openApiDocument(publicUrl: string, parts: Required<OpenApiPart>) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sosik API',
      version: '1',
      description:
        'Presses deliver articles as IPTC ninjs; readers and tools read the portal. Errors are `{ error: { code, message, details[] } }` with a stable `code` and, for schema violations, the failing field `path`s.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: publicUrl }],
    paths: parts.paths,
    components: {
      securitySchemes: parts.securitySchemes,
      schemas: {
        ...parts.schemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'BODY_TOO_LARGE'] },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
      responses: {
        Error: {
          description: 'An error with a stable code',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
