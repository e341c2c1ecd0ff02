// The web thread's side of the job thread (job-thread-main.ts): starts it, nudges it after a
// commit that enqueued work, delivers the changes it announces to this thread's listeners, starts
// it again should it die, and stops it gracefully (the jobs in hand finish) on shutdown.
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { JobRunner } from './capability.ts';
import type { Config } from './config.ts';
import type { ChangeBus } from './db/change-bus.ts';
import { releaseAbandonedGate } from './db/write-gate.ts';

/** From the job thread. */
export type JobThreadMessage = { type: 'ready' } | { type: 'stopped' } | { type: 'changed'; tags: string[] };
/** To the job thread. */
export type WebThreadMessage = { type: 'nudge' } | { type: 'stop' };

const RESTART_DELAY_MS = 1000;
const ENTRY = new URL('./job-thread.mjs', import.meta.url);

export class JobThreadRunner implements JobRunner {
  private thread: Worker | undefined;
  private stopping: Promise<void> | undefined;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    private readonly changes?: ChangeBus,
    /** The web thread's SQLite write gate, which this thread's writes pass second (db/write-gate.ts). */
    private readonly writeGate?: SharedArrayBuffer,
  ) {}

  start(): void {
    if (this.thread || this.stopping) return;
    const thread = new Worker(ENTRY, { workerData: { config: this.config, writeGate: this.writeGate } });
    this.thread = thread;
    thread.on('message', (m: JobThreadMessage) => {
      // Delivered here only: the job thread's own bus already told the other processes.
      if (m.type === 'changed') this.changes?.deliver(m.tags);
      // Everything it held is closed; whatever still keeps it alive (a socket being torn down) goes.
      else if (m.type === 'stopped') void thread.terminate();
    });
    thread.on('error', (err) => this.log.error({ err }, 'job thread failed'));
    const id = thread.threadId;
    thread.on('exit', (code) => {
      this.thread = undefined;
      // A thread that died inside a transaction leaves the gate taken; SQLite's lock went with its connection.
      if (this.writeGate) releaseAbandonedGate(this.writeGate, id);
      if (this.stopping) return;
      // Nothing is lost meanwhile: the jobs are rows, and a claim it held expires with its lease.
      this.log.error({ code }, 'job thread exited; starting it again');
      this.restartTimer = setTimeout(() => this.start(), RESTART_DELAY_MS);
      this.restartTimer.unref();
    });
  }

  nudge(): void {
    this.thread?.postMessage({ type: 'nudge' } satisfies WebThreadMessage);
  }

  /** Asks the thread to finish the jobs in hand and stop its loops; resolves when it has exited. */
  stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.stopping ??= new Promise<void>((resolve) => {
      const thread = this.thread;
      if (!thread) return resolve();
      thread.once('exit', () => resolve());
      thread.postMessage({ type: 'stop' } satisfies WebThreadMessage);
    });
    return this.stopping;
  }

  drain(): Promise<number> {
    // One-shot commands (`sosik jobs run`) drain in their own thread with a JobWorker.
    return Promise.reject(new Error('drain the queue with a JobWorker, not the serve job thread'));
  }
}
