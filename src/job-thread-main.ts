// The body of `sosik serve`'s job thread: its own database connection (SQLite in WAL mode lets the
// web thread read while this one writes), the job worker and the background loops (feed polling,
// digests). The web thread's event loop then only answers requests: clustering, search analysis,
// summaries and feed parsing never hold a request up. Changes this thread announces are handed to
// the web thread (its page cache and site frame), and the web thread nudges this one after a commit.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Config } from './config.ts';
import type { JobThreadMessage, WebThreadMessage } from './job-thread-runner.ts';
import { createLogger, openRuntime } from './runtime.ts';

export async function runJobThread(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('job-thread-main runs in a worker thread only');
  const { config, writeGate } = workerData as { config: Config; writeGate?: SharedArrayBuffer };
  const log = createLogger(config).child({ thread: 'jobs', threadId });
  const runtime = await openRuntime(config, log, undefined, { jobsInThread: false, webWriteGate: writeGate });
  const { deps, worker } = runtime;
  const send = (m: JobThreadMessage) => port.postMessage(m);
  deps.changes?.subscribe((tags) => send({ type: 'changed', tags: [...tags] }));
  const stops: Array<() => Promise<void>> = [];
  let closing: Promise<void> | undefined;
  port.on('message', (m: WebThreadMessage) => {
    if (m.type === 'nudge') worker.nudge();
    else if (m.type === 'stop') {
      closing ??= (async () => {
        await Promise.all(stops.map((s) => s()));
        await runtime.close(); // waits for the jobs in hand
        send({ type: 'stopped' });
        port.close();
      })();
    }
  });
  worker.start();
  for (const c of deps.registry.capabilities) if (c.startBackground) stops.push(c.startBackground(deps));
  log.info('job worker and background loops running in their own thread');
  send({ type: 'ready' });
}
