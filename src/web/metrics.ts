// What operators watch, in one prom-client registry per process, served by the ops capability at
// /metrics. The kernel records what it sees itself (request latency by route, the page cache, the
// database pool); capabilities count their own events through the counters exported here (ingest,
// feed polls), and the job queue is read from its table at scrape time (ops).
import client from 'prom-client';
import type pg from 'pg';

export const METRICS = new client.Registry();
client.collectDefaultMetrics({ register: METRICS, prefix: 'sosik_' });

export const requestDuration = new client.Histogram({
  name: 'sosik_http_request_duration_seconds',
  help: 'Time to answer a request, by route pattern (not raw URL, so the label set stays bounded).',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [METRICS],
});

export const pageCacheRequests = new client.Counter({
  name: 'sosik_page_cache_requests_total',
  help: 'Cacheable page requests by outcome: hit, shared (waited for a render in flight), miss (rendered), not_modified (304).',
  labelNames: ['result'] as const,
  registers: [METRICS],
});

export const pageCacheInvalidations = new client.Counter({
  name: 'sosik_page_cache_invalidations_total',
  help: 'Change announcements the page cache applied, and the cached pages they dropped.',
  labelNames: ['what'] as const,
  registers: [METRICS],
});

export const articlesIngested = new client.Counter({
  name: 'sosik_articles_ingested_total',
  help: 'Articles accepted by the ingest path, by outcome (created, revised, withdrawn, unchanged…).',
  labelNames: ['outcome'] as const,
  registers: [METRICS],
});

export const feedPolls = new client.Counter({
  name: 'sosik_feed_polls_total',
  help: 'Feed polls by outcome.',
  labelNames: ['outcome'] as const,
  registers: [METRICS],
});

export const jobsQueued = new client.Gauge({
  name: 'sosik_jobs_queued',
  help: 'Jobs waiting or running, by kind (read from the jobs table at scrape time).',
  labelNames: ['kind'] as const,
  registers: [METRICS],
});

export const jobsOldestAge = new client.Gauge({
  name: 'sosik_jobs_oldest_age_seconds',
  help: 'Age of the oldest waiting or running job, by kind.',
  labelNames: ['kind'] as const,
  registers: [METRICS],
});

const pools = new Set<pg.Pool>();
new client.Gauge({
  name: 'sosik_db_pool_connections',
  help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
  labelNames: ['state'] as const,
  registers: [METRICS],
  collect() {
    let total = 0;
    let idle = 0;
    let waiting = 0;
    for (const pool of pools) {
      total += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    this.set({ state: 'total' }, total);
    this.set({ state: 'idle' }, idle);
    this.set({ state: 'waiting' }, waiting);
  },
});

/** Counts this database handle's pool in sosik_db_pool_connections (PostgreSQL only). */
export function registerPoolMetrics(handle: { pool?: pg.Pool; close(): Promise<void> }): void {
  const pool = handle.pool;
  if (!pool) return;
  pools.add(pool);
  const close = handle.close.bind(handle);
  handle.close = async () => {
    pools.delete(pool);
    await close();
  };
}
