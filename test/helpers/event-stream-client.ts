// A server-sent events client over a real socket, for tests: it keeps every event and comment it
// read, and waits on a condition over them (never on a clock alone).
import http from 'node:http';

export interface ServerEvent {
  event: string;
  data: string;
}

export interface EventStreamClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body when the answer was not a stream (an error page or JSON). */
  body: Promise<string>;
  events: ServerEvent[];
  comments: string[];
  /** Resolves once the server ended the stream. */
  ended: Promise<void>;
  /** Waits until `check` holds over what was read; fails after `timeoutMs` with what was read. */
  until(check: (c: EventStreamClient) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const waiters = new Set<() => void>();
      const wake = () => {
        for (const w of [...waiters]) w();
      };
      let buffer = '';
      let text = '';
      let resolveEnd: () => void;
      const client: EventStreamClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: new Promise((r) => res.on('end', () => r(text))),
        events: [],
        comments: [],
        ended: new Promise((r) => {
          resolveEnd = r;
        }),
        until: (check, timeoutMs = 15_000) =>
          new Promise((ok, fail) => {
            const test = () => {
              if (!check(client)) return;
              waiters.delete(test);
              clearTimeout(timer);
              ok();
            };
            const timer = setTimeout(() => {
              waiters.delete(test);
              fail(new Error(`stream condition not met; read ${JSON.stringify(client.events)} ${client.comments}`));
            }, timeoutMs);
            waiters.add(test);
            test();
          }),
        close: () => request.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) client.events.push({ event, data: data.join('\n') });
        }
        wake();
      });
      const finish = () => {
        resolveEnd();
        wake();
      };
      res.on('end', finish);
      res.on('close', finish);
      resolve(client);
    });
    request.on('error', reject);
  });
}
