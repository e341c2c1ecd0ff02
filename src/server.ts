// `sosik serve`: the web server, with the job worker and background loops in the same process
// (in a thread of their own, job-thread-main.ts) unless configured otherwise; shuts down gracefully
// on SIGTERM/SIGINT.
import { buildApp } from './app.ts';
import { publicUrlWarning, type Config } from './config.ts';
import { openRuntime } from './runtime.ts';

export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config, undefined, undefined, { jobsInThread: true });
  const { deps, worker } = runtime;
  for (const c of deps.registry.capabilities) await c.onServe?.(deps);
  const app = await buildApp(deps);
  const stops: Array<() => Promise<void>> = [];
  if (config.workers) {
    worker.start();
    // In the job thread when there is one (job-thread-main.ts): feed polling is ingest work too.
    if (!runtime.jobsInThread)
      for (const c of deps.registry.capabilities) if (c.startBackground) stops.push(c.startBackground(deps));
  }
  await app.listen({ port: config.port, host: config.host });
  deps.log.info({ url: config.publicUrl, database: deps.dialect }, 'Sosik is serving');
  const urlWarning = publicUrlWarning(config);
  if (urlWarning) deps.log.warn({ publicUrl: config.publicUrl, host: config.host }, urlWarning);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    deps.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close(); // stops accepting, lets in-flight requests finish
    await Promise.all(stops.map((s) => s()));
    await runtime.close(); // waits for jobs in hand
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
