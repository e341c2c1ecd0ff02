// Operations endpoints: /healthz checks that the database answers.
import { sql } from 'kysely';
import type { Capability } from '../capability.ts';

export const opsCapability: Capability = {
  name: 'ops',
  uncachedPaths: ['/healthz'],
  routes(app, deps) {
    app.get('/healthz', async (_req, reply) => {
      const started = performance.now();
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok', database: deps.dialect, dbMs: Math.round((performance.now() - started) * 10) / 10 };
      } catch (err) {
        deps.log.error({ err }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable', database: deps.dialect });
      }
    });
  },
};
