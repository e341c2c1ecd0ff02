// OpenAPI 3.1 description of the press API (merged into /api/openapi.json by src/api-docs).
const error = { $ref: '#/components/responses/Error' };

export const pressOpenApiPaths = {
  '/api/v1/articles': {
    post: {
      tags: ['Press API'],
      summary: 'Deliver one article as an IPTC ninjs item (2.x or 3.x)',
      description:
        'Text and composite items become articles. The same `uri` again is an update (kept as a new revision). ' +
        '`pubstatus` canceled or withheld withdraws the article; `urgency` 1–2 makes it breaking news. HTML bodies are sanitised with an allow-list; ' +
        'the original is kept for audit. `subjects` (category slug, Korean/English name or IPTC Media Topic code) ' +
        'file the article into one or more categories. Bodies over 2 MiB answer 413; JSON nested deeper than 32 levels ' +
        'answers 400 `JSON_TOO_DEEP`; HTML nested deeper than 256 levels, with more than 20,000 elements or over ' +
        '1,000,000 characters once cleaned answers 422 (`HTML_TOO_DEEP`, `HTML_TOO_MANY_ELEMENTS`, `HTML_TOO_LARGE`).',
      security: [{ pressKey: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/NinjsItem' } },
          'application/ninjs+json': { schema: { $ref: '#/components/schemas/NinjsItem' } },
        },
      },
      responses: {
        '201': {
          description: 'Created',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Stored' } } },
        },
        '200': {
          description: 'Updated (or unchanged)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Stored' } } },
        },
        '400': error,
        '401': error,
        '413': error,
        '422': error,
        '429': error,
      },
    },
  },
  '/api/v1/articles/batch': {
    post: {
      tags: ['Press API'],
      summary: 'Deliver up to 500 articles at once; each is stored or refused on its own',
      description:
        'The same rules as `POST /api/v1/articles`, per item: one result per item, in the order sent, with the status ' +
        'the single endpoint would have answered (201 created, 200 updated or unchanged, 4xx with the error). One bad ' +
        'item never keeps the others out. The request is refused whole (422, nothing stored) only when it is not an ' +
        'object with 1–500 `items`; bodies over `SOSIK_BATCH_BODY_LIMIT` (64 MiB) answer 413. A batch counts as one ' +
        'request against the per-key rate limit.',
      security: [{ pressKey: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['items'],
              properties: {
                items: { type: 'array', minItems: 1, maxItems: 500, items: { $ref: '#/components/schemas/NinjsItem' } },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'One result per item',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchResult' } } },
        },
        '400': error,
        '401': error,
        '413': error,
        '422': error,
        '429': error,
      },
    },
  },
  '/api/v1/articles/{id}': {
    get: {
      tags: ['Press API'],
      summary: "Read back one of your press's articles as ninjs 2.1",
      security: [{ pressKey: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: {
        '200': {
          description: 'The normalised ninjs item',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NinjsItem' } } },
        },
        '401': error,
        '403': error,
        '404': error,
      },
    },
  },
};

export const pressOpenApiComponents = {
  securitySchemes: {
    pressKey: {
      type: 'http',
      scheme: 'bearer',
      description: 'The press API key from `npx sosik press add` or /studio.',
    },
  },
  schemas: {
    NinjsItem: {
      type: 'object',
      description:
        'An IPTC ninjs item, 2.x (lower-case keys) or 3.x (camelCase). See https://iptc.org/standards/ninjs/.',
      required: ['uri'],
      properties: {
        uri: { type: 'string', maxLength: 2000 },
        type: {
          type: 'string',
          enum: ['text', 'composite'],
          description: 'Other types (event, planning, picture…) answer 422.',
        },
        pubstatus: { type: 'string', enum: ['usable', 'withheld', 'canceled'] },
        urgency: {
          type: 'integer',
          minimum: 1,
          maximum: 9,
          description:
            '1 is the most urgent. 1 or 2 marks the article 속보 (breaking): the banner atop every page shows it for an hour.',
        },
        firstcreated: { type: 'string', format: 'date-time' },
        versioncreated: { type: 'string', format: 'date-time' },
        language: { type: 'string', examples: ['ko', 'en'] },
        headlines: {
          type: 'array',
          items: { type: 'object', properties: { role: { type: 'string' }, value: { type: 'string' } } },
        },
        slugline: { type: 'string', description: 'Shown as the series / column label.' },
        by: { type: 'string' },
        bodies: {
          type: 'array',
          items: {
            type: 'object',
            properties: { role: { type: 'string' }, contenttype: { type: 'string' }, value: { type: 'string' } },
          },
        },
        subjects: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              literal: { type: 'string' },
              name: { type: 'string' },
              uri: { type: 'string' },
            },
          },
        },
        associations: {
          description: 'Pictures with renditions, caption (descriptions[role=caption]) and credit (by).',
        },
        copyrightnotice: { type: 'string' },
      },
      additionalProperties: true,
    },
    BatchResult: {
      type: 'object',
      required: ['accepted', 'refused', 'results'],
      properties: {
        accepted: { type: 'integer' },
        refused: { type: 'integer' },
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['index', 'ok', 'httpStatus'],
            properties: {
              index: { type: 'integer', description: 'Position of the item in `items`' },
              ok: { type: 'boolean' },
              httpStatus: {
                type: 'integer',
                description: 'What POST /api/v1/articles would have answered for this item',
              },
              id: { type: 'integer' },
              url: { type: 'string', format: 'uri' },
              revision: { type: 'integer' },
              status: { type: 'string', enum: ['usable', 'withdrawn'] },
              changed: { type: 'boolean' },
              error: {
                type: 'object',
                properties: {
                  code: { type: 'string' },
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
      },
    },
    Stored: {
      type: 'object',
      required: ['id', 'url', 'revision', 'status', 'changed'],
      properties: {
        id: { type: 'integer' },
        url: { type: 'string', format: 'uri' },
        revision: { type: 'integer' },
        status: { type: 'string', enum: ['usable', 'withdrawn'] },
        changed: { type: 'boolean', description: 'false when the same content arrived again' },
      },
    },
  },
};
