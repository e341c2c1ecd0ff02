// Server-sent event streams with bounds: a cap per process and per client address (a flood of
// tabs cannot hold unbounded sockets), a heartbeat comment so proxies and browsers keep an idle
// stream open, headers that stop a proxy from buffering it, a slow reader dropped instead of
// buffered without end, and every stream ended when the server shuts down (Fastify's close waits
// for open connections, so without that a shutdown would hang until it is killed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../errors.ts';

export interface EventStreamLimits {
  /** Open streams in this process. */
  perProcess: number;
  /** Open streams from one client address (request.ip: the proxy's client when trusted). */
  perAddress: number;
  heartbeatMs: number;
}

export interface EventStream {
  /** One event; dropped (and the stream closed) when the client does not read what it was sent. */
  send(event: string, data: unknown): void;
  /** Called once when the stream ends, whoever ends it. */
  onClose(listener: () => void): void;
  close(): void;
}

/** What a client may leave unread before it is dropped (a few hundred events). */
const MAX_UNREAD_BYTES = 64 * 1024;
/** How long a browser waits before reconnecting after the stream ended. */
const RETRY_MS = 10_000;

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: a compressing proxy would hold events back to fill its blocks.
  'cache-control': 'no-store, no-transform',
  // nginx (and proxies that follow it) would otherwise buffer the response.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

export class EventStreams {
  private readonly open = new Set<EventStream>();
  private readonly byAddress = new Map<string, number>();
  private closing = false;

  constructor(private readonly limits: EventStreamLimits) {}

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream when `app` closes, and refuses new ones from then on. */
  closeWith(app: FastifyInstance): this {
    app.addHook('preClose', async () => this.closeAll());
    return this;
  }

  /**
   * Takes the response over as an event stream, or throws: 429 when this address has its share
   * open, 503 when the process has.
   */
  start(request: FastifyRequest, reply: FastifyReply): EventStream {
    const address = request.ip;
    if (this.closing) throw Errors.unavailable();
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) throw Errors.rateLimited(RETRY_MS / 1000);
    if (this.open.size >= this.limits.perProcess) throw Errors.streamsFull(RETRY_MS / 1000);

    const raw = reply.raw;
    const listeners: Array<() => void> = [];
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      this.open.delete(stream);
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
      for (const l of listeners) l();
      raw.end();
    };
    const write = (chunk: string) => {
      if (ended) return;
      if (raw.writableLength > MAX_UNREAD_BYTES) return end();
      raw.write(chunk);
    };
    const stream: EventStream = {
      send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
      onClose: (l) => listeners.push(l),
      close: end,
    };
    reply.hijack();
    raw.writeHead(200, EVENT_STREAM_HEADERS);
    raw.write(`retry: ${RETRY_MS}\n\n`);
    const heartbeat = setInterval(() => write(': ping\n\n'), this.limits.heartbeatMs);
    heartbeat.unref();
    raw.on('close', end);
    this.open.add(stream);
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
    return stream;
  }

  closeAll(): void {
    this.closing = true;
    for (const s of [...this.open]) s.close();
  }
}
