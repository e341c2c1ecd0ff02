// One SQLite writer at a time between the threads of one process, in shared memory, with the web
// thread first. SQLite's own lock is no queue: a connection that finds it taken sleeps in its busy
// handler (1, 2, 5 … 100 ms, synchronously, so the web thread's whole event loop stops) and
// retries, while the job thread, which released it a moment ago, takes it again at once. POSTs
// waited hundreds of milliseconds behind one job transaction after another. Here a waiting writer
// is woken the moment the lock is free (Atomics.waitAsync: its event loop keeps running), and the
// job thread lets a waiting web writer go first, for at most MAX_DEFER_MS so the jobs still move.
// SQLite's lock stays the truth (other processes, `sosik feeds poll` from cron, still meet
// busy_timeout); the gate only orders this process's threads before they ask SQLite for it.
import { threadId } from 'node:worker_threads';

const HELD = 0; // 0 free, else the holder's thread id + 1
const WANTED = 1; // first-priority writers waiting for the gate
const SLOTS = 2;

/** How long a second-priority writer (the job thread) lets first-priority ones go ahead of it. */
export const MAX_DEFER_MS = 50;

// Node has had it since 16; TypeScript declares it only from lib es2024 on.
type WaitAsync = (
  slots: Int32Array,
  index: number,
  value: number,
  timeoutMs?: number,
) => { value: Promise<string> | string };
const waitAsync: WaitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

export type GatePriority = 'first' | 'second';

export function newWriteGateBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

/** The gate a thread that died was holding (mid-transaction) is free again; called on its exit. */
export function releaseAbandonedGate(buffer: SharedArrayBuffer, deadThreadId: number): void {
  const slots = new Int32Array(buffer);
  if (Atomics.compareExchange(slots, HELD, deadThreadId + 1, 0) === deadThreadId + 1) Atomics.notify(slots, HELD);
}

export class WriteGate {
  private readonly slots: Int32Array;
  private readonly holder = threadId + 1;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly priority: GatePriority,
  ) {
    this.slots = new Int32Array(buffer);
  }

  async acquire(): Promise<void> {
    const first = this.priority === 'first';
    if (first) Atomics.add(this.slots, WANTED, 1);
    try {
      const deferUntil = Date.now() + MAX_DEFER_MS;
      for (;;) {
        if (!first) await this.letFirstGo(deferUntil);
        const holder = Atomics.compareExchange(this.slots, HELD, 0, this.holder);
        if (holder === 0) return;
        await waitAsync(this.slots, HELD, holder).value;
      }
    } finally {
      if (first && Atomics.sub(this.slots, WANTED, 1) === 1) Atomics.notify(this.slots, WANTED);
    }
  }

  release(): void {
    Atomics.store(this.slots, HELD, 0);
    Atomics.notify(this.slots, HELD);
  }

  /** Waits while first-priority writers want the gate, until `deadline`. */
  private async letFirstGo(deadline: number): Promise<void> {
    for (;;) {
      const wanted = Atomics.load(this.slots, WANTED);
      const left = deadline - Date.now();
      if (wanted === 0 || left <= 0) return;
      await waitAsync(this.slots, WANTED, wanted, left).value;
    }
  }
}
