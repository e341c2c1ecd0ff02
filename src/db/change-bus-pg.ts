// Changes across processes through PostgreSQL LISTEN/NOTIFY: no extra server, and NOTIFY is
// delivered to every listening session within milliseconds. One dedicated connection listens
// (outside the pool, so it never starves queries); announcements go out on that same connection.
// A lost connection is re-opened after a pause; whatever was announced meanwhile is unknown, so a
// reconnect counts as "everything changed".
import type { Logger } from 'pino';
import pg from 'pg';
import type { ChangeTransport } from './change-bus.ts';

export const PG_CHANGE_CHANNEL = 'sosik_changes';
const RECONNECT_MS = 1000;
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7900;

export interface PgTarget {
  connectionString: string;
  /** The search_path schema (tests); the scope of the announcements includes it. */
  schema?: string;
}

export class PgChangeTransport implements ChangeTransport {
  readonly name = 'postgres';
  private client: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: PgTarget,
    private readonly log?: Logger,
  ) {}

  /** `database.schema` as this connection sees it: the scope two processes must share. */
  static async scopeOf(target: PgTarget): Promise<string> {
    const client = PgChangeTransport.newClient(target);
    await client.connect();
    try {
      const { rows } = await client.query<{ scope: string }>(
        `select current_database() || '.' || current_schema() as scope`,
      );
      return `pg:${rows[0]!.scope}`;
    } finally {
      await client.end();
    }
  }

  private static newClient(target: PgTarget): pg.Client {
    return new pg.Client({
      connectionString: target.connectionString,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
  }

  async start(onMessage: (message: string) => void, onReset: () => void): Promise<void> {
    const connect = async (isReconnect: boolean) => {
      const client = PgChangeTransport.newClient(this.target);
      const lost = (err?: Error) => {
        if (this.client !== client) return;
        this.client = undefined;
        client.removeAllListeners('notification');
        client.end().catch(() => {});
        if (this.closed) return;
        this.log?.warn({ err }, 'change listener connection lost; reconnecting');
        this.reconnectTimer = setTimeout(() => void connect(true).catch((e) => lost(e)), RECONNECT_MS);
      };
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', (n) => {
        if (n.channel === PG_CHANGE_CHANNEL && n.payload) onMessage(n.payload);
      });
      this.client = client;
      await client.connect();
      await client.query(`listen ${PG_CHANGE_CHANNEL}`);
      if (isReconnect) onReset();
    };
    await connect(false);
  }

  private sending: Promise<void> = Promise.resolve();

  async publish(message: string): Promise<void> {
    const payload = Buffer.byteLength(message) > MAX_PAYLOAD ? undefined : message;
    if (!payload) throw new Error('change announcement too long for NOTIFY');
    const client = this.client;
    if (!client) throw new Error('change listener is reconnecting');
    // One query at a time on the one connection (a batch of jobs announces many changes at once;
    // pg deprecates queueing queries on a busy client).
    const sent = this.sending.then(() => client.query('select pg_notify($1, $2)', [PG_CHANGE_CHANNEL, payload]));
    this.sending = sent.then(
      () => undefined,
      () => undefined,
    );
    await sent;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
