// "What changed", announced after a commit and heard by every process: the page cache drops the
// pages that showed it (src/web/page-cache.ts), the site frame reloads its headlines. A change is a
// set of tags (`article:<id>`, `press:<id>`, `category:<id>`, `issue:<id>`, `issues`, `front`;
// `*` means everything). Delivery in this process is synchronous and immediate; other processes
// hear it through a transport (PostgreSQL LISTEN/NOTIFY or Redis pub/sub, see open-change-bus.ts).
// Announce only after the transaction committed: a rolled-back change must never be announced
// (PostgreSQL would drop a NOTIFY sent inside it, but the local delivery could not be undone).
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';

export type ChangeListener = (tags: readonly string[]) => void;

/** How announcements leave and reach this process; the bus does the encoding and filtering. */
export interface ChangeTransport {
  readonly name: string;
  publish(message: string): Promise<void>;
  /**
   * Starts listening. `onReset` is called when messages may have been missed (a reconnect):
   * the bus then treats it as a change to everything.
   */
  start(onMessage: (message: string) => void, onReset: () => void): Promise<void>;
  close(): Promise<void>;
}

/** Everything; also what an over-long announcement is widened to. */
export const ALL_CHANGED = '*';
const MAX_TAGS = 200;
const MAX_TAG_LENGTH = 100;

// A message from another process is input from outside: checked, never trusted.
const Message = z.object({
  o: z.string().max(64),
  s: z.string().max(600),
  t: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS),
});

/** Bounded tags: duplicates dropped; too many or too long means "everything". */
export function normaliseTags(tags: Iterable<string>): string[] {
  const unique = [...new Set(tags)];
  if (unique.length > MAX_TAGS || unique.some((t) => t.length > MAX_TAG_LENGTH || t === ALL_CHANGED))
    return [ALL_CHANGED];
  return unique;
}

export class ChangeBus {
  /** This process's name on the wire: its own messages come back and are skipped. */
  readonly origin = crypto.randomBytes(8).toString('hex');
  private readonly listeners = new Set<ChangeListener>();

  /**
   * @param scope which database the changes are about: processes on another database (or another
   *   test schema) sharing the same PostgreSQL server or Redis ignore each other.
   */
  constructor(
    private readonly scope: string,
    private readonly transport?: ChangeTransport,
    private readonly log?: Logger,
  ) {}

  get transportName(): string {
    return this.transport?.name ?? 'local';
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After commit: delivered here at once, then sent to the other processes (never throws). */
  announce(tags: Iterable<string>): void {
    const list = normaliseTags(tags);
    if (list.length === 0) return;
    this.deliver(list);
    if (!this.transport) return;
    const message = JSON.stringify({ o: this.origin, s: this.scope, t: list });
    this.transport
      .publish(message)
      .catch((err) => this.log?.warn({ err, transport: this.transport?.name }, 'change announcement not sent'));
  }

  /** Delivers to this process's listeners only (what a message from elsewhere does). */
  deliver(tags: readonly string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(tags);
      } catch (err) {
        this.log?.error({ err }, 'change listener failed');
      }
    }
  }

  async start(): Promise<void> {
    await this.transport?.start(
      (raw) => this.receive(raw),
      () => this.deliver([ALL_CHANGED]),
    );
  }

  close(): Promise<void> {
    this.listeners.clear();
    return this.transport?.close() ?? Promise.resolve();
  }

  private receive(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const message = Message.safeParse(parsed);
    if (!message.success || message.data.s !== this.scope || message.data.o === this.origin) return;
    this.deliver(normaliseTags(message.data.t));
  }
}

/** Announces after commit when the caller's deps carry a bus (hand-built test deps may not). */
export function announceChanges(deps: { changes?: ChangeBus }, tags: Iterable<string>): void {
  deps.changes?.announce(tags);
}
