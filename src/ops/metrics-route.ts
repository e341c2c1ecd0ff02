// GET /metrics in the Prometheus text format (src/web/metrics.ts holds what is counted). Never
// public by default: a client on an allow-listed network (SOSIK_METRICS_ALLOW, loopback unless
// configured) or one presenting SOSIK_METRICS_TOKEN as a bearer token may read it.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { inCidrList, parseCidrList } from '../auth/cidr-list.ts';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { jobsOldestAge, jobsQueued, METRICS } from '../web/metrics.ts';

function tokenMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = crypto.createHash('sha256').update(header.slice(7).trim()).digest();
  const wanted = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, wanted);
}

/** Queue depth and the age of the oldest waiting job, by kind, read now (one grouped query). */
async function readJobQueue(deps: AppDeps): Promise<void> {
  const now = Date.now();
  const rows = await deps.db
    .selectFrom('jobs')
    .select(['kind', sql<number>`count(*)`.as('queued'), sql<number>`min(created_at)`.as('oldest')])
    .where('status', '=', 'pending')
    .groupBy('kind')
    .execute();
  jobsQueued.reset();
  jobsOldestAge.reset();
  for (const row of rows) {
    jobsQueued.set({ kind: row.kind }, Number(row.queued));
    jobsOldestAge.set({ kind: row.kind }, Math.max(0, (now - Number(row.oldest)) / 1000));
  }
}

export function metricsRoute(app: FastifyInstance, deps: AppDeps): void {
  const allowed = parseCidrList(deps.config.metricsAllow);
  app.get('/metrics', async (request, reply) => {
    // request.ip is the client as SOSIK_TRUST_PROXY resolves it, never a proxy in front.
    if (!inCidrList(allowed, request.ip) && !tokenMatches(request, deps.config.metricsToken)) {
      throw request.headers.authorization
        ? Errors.unauthorized('A valid metrics token is required.')
        : Errors.forbidden();
    }
    await readJobQueue(deps);
    return reply
      .type(METRICS.contentType)
      .header('cache-control', 'no-store')
      .send(await METRICS.metrics());
  });
}
