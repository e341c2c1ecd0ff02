// Operations endpoints: /healthz checks that the database answers; /metrics is for Prometheus.
import { sql } from 'kysely';
import type { Capability } from '../capability.ts';
import { metricsRoute } from './metrics-route.ts';

export const opsCapability: Capability = {
  name: 'ops',
  uncachedPaths: ['/healthz', '/metrics'],
  routes(app, deps) {
    metricsRoute(app, deps);
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
