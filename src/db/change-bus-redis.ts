// Changes across processes through Redis pub/sub (SOSIK_REDIS_URL): for deployments that already
// run Redis, or several processes on one SQLite file. A subscribed Redis connection can do nothing
// else, so announcements go out on a second one. ioredis reconnects by itself; a reconnect counts
// as "everything changed", since messages published meanwhile were not heard.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChangeTransport } from './change-bus.ts';

export const REDIS_CHANGE_CHANNEL = 'sosik:changes';

export class RedisChangeTransport implements ChangeTransport {
  readonly name = 'redis';
  private readonly subscriber: Redis;
  private readonly publisher: Redis;

  constructor(url: string, log?: Logger) {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2 };
    this.subscriber = new Redis(url, options);
    this.publisher = new Redis(url, options);
    for (const conn of [this.subscriber, this.publisher]) {
      conn.on('error', (err) => log?.warn({ err: { message: err.message } }, 'redis connection error'));
    }
  }

  async start(onMessage: (message: string) => void, onReset: () => void): Promise<void> {
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === REDIS_CHANGE_CHANNEL) onMessage(message);
    });
    await Promise.all([this.subscriber.connect(), this.publisher.connect()]);
    await this.subscriber.subscribe(REDIS_CHANGE_CHANNEL);
    // ioredis re-subscribes after a reconnect; what was published in between is lost.
    this.subscriber.on('ready', onReset);
  }

  async publish(message: string): Promise<void> {
    await this.publisher.publish(REDIS_CHANGE_CHANNEL, message);
  }

  async close(): Promise<void> {
    await Promise.all([this.subscriber.quit().catch(() => {}), this.publisher.quit().catch(() => {})]);
  }
}
