// POST /api/v1/articles/batch: up to 500 ninjs items in one request, each stored or refused on
// its own (atomic per item), one result per item in the order sent. The request fails as a whole
// only when it is not a batch at all (not an object with `items`, too many items, too large).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type BatchOutcome, type IngestRequest, ingestArticles } from '../articles/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError, Errors } from '../errors.ts';
import { ninjsToArticle } from './ninjs/to-article.ts';

export const MAX_BATCH_ITEMS = 500;

const batchSchema = z.object({
  items: z
    .array(z.unknown())
    .min(1, 'send at least one item')
    .max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} items per batch`),
});

export type BatchItemResult =
  | {
      index: number;
      ok: true;
      httpStatus: 200 | 201;
      id: number;
      url: string;
      revision: number;
      status: string;
      changed: boolean;
    }
  | { index: number; ok: false; httpStatus: number; error: ReturnType<AppError['toJSON']>['error'] };

export function registerBatchRoute(
  app: FastifyInstance,
  deps: AppDeps,
  onRequest: (request: FastifyRequest) => Promise<void>,
  articleUrl: (id: number) => string,
): void {
  app.post('/api/v1/articles/batch', { onRequest, bodyLimit: deps.config.batchBodyLimitBytes }, async (request) => {
    const press = request.press!;
    const parsed = batchSchema.safeParse(request.body);
    if (!parsed.success) {
      throw Errors.validation(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    const items = parsed.data.items;
    // Mapping ninjs is per item too: a malformed item is refused alone, with its own field paths.
    const mapped: Array<{ index: number; req: IngestRequest } | { index: number; error: AppError }> = items.map(
      (body, index) => {
        try {
          return { index, req: { pressId: press.id, source: 'api', input: ninjsToArticle(body), original: body } };
        } catch (err) {
          if (err instanceof AppError) return { index, error: err };
          throw err;
        }
      },
    );
    const toStore = mapped.filter((m): m is { index: number; req: IngestRequest } => 'req' in m);
    const stored = await ingestArticles(
      deps,
      toStore.map((m) => m.req),
    );
    const outcomes = new Map<number, BatchOutcome>(toStore.map((m, k) => [m.index, stored[k]!]));
    const results = mapped.map((m): BatchItemResult => {
      const outcome: BatchOutcome = 'error' in m ? { ok: false, error: m.error } : outcomes.get(m.index)!;
      if (!outcome.ok)
        return { index: m.index, ok: false, httpStatus: outcome.error.status, error: outcome.error.toJSON().error };
      const r = outcome.result;
      return {
        index: m.index,
        ok: true,
        httpStatus: r.created ? 201 : 200,
        id: r.id,
        url: articleUrl(r.id),
        revision: r.revision,
        status: r.status,
        changed: r.changed,
      };
    });
    const accepted = results.filter((r) => r.ok).length;
    return { accepted, refused: results.length - accepted, results };
  });
}
