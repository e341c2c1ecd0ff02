// /api/openapi.json (machine-readable) and /api/docs (a readable page rendered from the same document).
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../deps.ts';
import { openApiDocument } from './document.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { enum?: unknown[]; default?: unknown };
  }>;
  responses?: Record<string, { description?: string; $ref?: string }>;
}

/** The documents write code as `backticks` (Markdown, as OpenAPI allows): show it as <code>. */
export function inlineCode(text: string | undefined) {
  if (!text) return null;
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`') ? <code>{part.slice(1, -1)}</code> : part,
    );
}

function ApiDocsPage({ doc }: { doc: ReturnType<typeof openApiDocument> }) {
  const ops = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{doc.info.title} — reference</title>
        <link rel="stylesheet" href="/static/api-docs.css" />
      </head>
      <body>
        <main id="content">
          <h1>{doc.info.title}</h1>
          <p>{inlineCode(doc.info.description)}</p>
          <p>
            Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi})
          </p>
          <h2>Authentication</h2>
          <p>
            Press endpoints take <code>Authorization: Bearer &lt;key&gt;</code>. Create a press and its key with{' '}
            <code>npx sosik press add --slug my-press --name "My Press"</code>; rotate it with{' '}
            <code>npx sosik press rotate-key --slug my-press</code>.
          </p>
          {ops.map(({ path, method, op }) => (
            <section class="op" id={`${method}-${path}`.replace(/[^\w-]/g, '_')}>
              <h2>
                <span class={`method method-${method.toLowerCase()}`}>{method}</span> <code>{path}</code>
              </h2>
              <p>
                <strong>{inlineCode(op.summary)}</strong>
              </p>
              {op.description && <p>{inlineCode(op.description)}</p>}
              {op.parameters && op.parameters.length > 0 && (
                <ul>
                  {op.parameters.map((p) => (
                    <li>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ', required' : ''}) {inlineCode(p.description)}
                      {p.schema?.enum ? (
                        <span class="param-values">
                          {' '}
                          One of{' '}
                          {p.schema.enum.map((v, i) => (
                            <>
                              {i ? ', ' : ''}
                              <code>{String(v)}</code>
                            </>
                          ))}
                          {p.schema.default !== undefined ? (
                            <>
                              {' '}
                              (default <code>{String(p.schema.default)}</code>)
                            </>
                          ) : null}
                          .
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              <table>
                <caption>Responses</caption>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(op.responses ?? {}).map(([status, r]) => (
                    <tr>
                      <td>{status}</td>
                      <td>{r.description ? inlineCode(r.description) : 'Error object with a stable code'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

export async function apiDocsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const doc = openApiDocument(deps.config.publicUrl, deps.registry.openApi);
  const html = '<!doctype html>' + renderToString(<ApiDocsPage doc={doc} />);
  app.get('/api/openapi.json', async () => doc);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
}
