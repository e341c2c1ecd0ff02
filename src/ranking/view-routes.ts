// POST /ranking/views: the beacon. It answers 204 at once whatever happens to the view (counted,
// a repeat, a bot), so the answer tells a client nothing and the page never waits for it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { getReader } from '../readers/index.ts';
import { notCountedBecause } from './bots.ts';
import { viewCounterOf } from './view-counter.ts';

const beacon = z.object({
  article: z
    .string()
    .regex(/^\d{1,15}$/, 'a number')
    .transform(Number),
});

export async function viewRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const counter = viewCounterOf(deps);
  counter.start(deps.config.viewFlushSeconds * 1000);
  app.addHook('onClose', () => counter.stop());

  app.post('/ranking/views', async (request, reply) => {
    const parsed = beacon.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw Errors.validation(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    if (notCountedBecause(request) === undefined) {
      const reader = await getReader(request, deps);
      counter.add(
        parsed.data.article,
        reader ? { readerId: reader.id } : { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' },
      );
    }
    return reply.status(204).header('cache-control', 'no-store').send();
  });
}
