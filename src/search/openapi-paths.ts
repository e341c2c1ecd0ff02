// OpenAPI 3.1 description of the public search API (merged into /api/openapi.json by src/api-docs).
const listParam = (name: string, description: string) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string' },
});

export const searchOpenApiPaths = {
  '/api/v1/search': {
    get: {
      tags: ['Reader API'],
      summary: 'Search articles (Korean-aware: particles, short words, unspaced compounds, choseong such as ㅇㄱㅈㄴ)',
      description:
        'Relevance is BM25 over analysed terms with a headline boost and a mild recency boost; `sort=newest` orders by time. ' +
        'Every word must match for up to three words; when nothing does, the search loosens to any word (`loosened: true`). ' +
        'Bad queries (empty, very long, punctuation only, unbalanced quotes) are answered, never refused. Rate-limited per client IP.',
      parameters: [
        { name: 'q', in: 'query', description: 'The query.', schema: { type: 'string', maxLength: 10000 } },
        listParam('press', 'Press slugs, comma-separated.'),
        listParam('category', 'Category slugs, comma-separated.'),
        { name: 'issue', in: 'query', description: 'Issue id.', schema: { type: 'integer', minimum: 1 } },
        {
          name: 'from',
          in: 'query',
          description: 'Published on or after (YYYY-MM-DD).',
          schema: { type: 'string', format: 'date' },
        },
        {
          name: 'to',
          in: 'query',
          description: 'Published on or before (YYYY-MM-DD).',
          schema: { type: 'string', format: 'date' },
        },
        {
          name: 'sort',
          in: 'query',
          description:
            '`relevance` (default): best match first, with a mild boost for recent articles; `newest`: most recent first.',
          schema: { type: 'string', enum: ['relevance', 'newest'], default: 'relevance' },
        },
        {
          name: 'page',
          in: 'query',
          description: 'Page of results, from 1 (default). Pages past 50 are not served: narrow the query instead.',
          schema: { type: 'integer', minimum: 1, maximum: 50, default: 1 },
        },
        {
          name: 'size',
          in: 'query',
          description: 'Results per page (default 10).',
          schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
        },
      ],
      responses: {
        '200': {
          description: 'Results with highlighted snippets (HTML-escaped, matches in <mark>), facets and suggestions',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResponse' } } },
        },
        '429': { $ref: '#/components/responses/Error' },
      },
    },
  },
};

export const searchOpenApiSchemas = {
  SearchResponse: {
    type: 'object',
    required: ['query', 'mode', 'loosened', 'total', 'page', 'pageSize', 'sort', 'results', 'suggestions'],
    properties: {
      query: { type: 'string' },
      mode: { type: 'string', enum: ['all', 'any', 'choseong', 'none'] },
      loosened: { type: 'boolean' },
      total: { type: 'integer' },
      totalIsLowerBound: { type: 'boolean' },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      sort: { type: 'string', enum: ['relevance', 'newest'] },
      results: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            headline: { type: 'string' },
            headlineHtml: { type: 'string' },
            snippetHtml: { type: 'string' },
            press: {
              type: 'object',
              properties: { slug: { type: 'string' }, name: { type: 'string' }, nameEn: { type: ['string', 'null'] } },
            },
            publishedAt: { type: 'integer', description: 'epoch milliseconds' },
            url: { type: 'string', format: 'uri' },
            score: { type: 'number' },
            photoUrl: {
              type: ['string', 'null'],
              description: "The article's first photo (absolute or site-relative URL), for a thumbnail.",
            },
          },
        },
      },
      facets: { type: 'object' },
      suggestions: { type: 'object' },
    },
  },
};
