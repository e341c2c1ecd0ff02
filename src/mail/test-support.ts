// Test support: a real SMTP server (smtp-server) on 127.0.0.1 that keeps what it receives, and a
// small reader for the messages Sosik composes (multipart/alternative, base64 parts, B-encoded
// headers) so tests can assert on parts and headers.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpServerOptions {
  /** Answer for a message before it is accepted: an SMTP code (4xx, 5xx) refuses it. */
  refuse?: (index: number) => { code: number; message: string } | undefined;
  /** Called when a message is taken, just before its 250 goes out. */
  beforeAccept?: (mail: ReceivedMail) => void;
  /** Called right after the 250 for an accepted message went out. */
  afterAccept?: (mail: ReceivedMail) => void;
  /** Called when a client connects, before the greeting; a returned code (421) turns it away. */
  onConnect?: (session: SMTPServerSession) => void | Promise<{ code: number; message: string } | undefined>;
  /**
   * TLS with smtp-server's bundled self-signed certificate, which no client should trust:
   * 'implicit' (smtps://) or 'starttls' (offered after EHLO). Default: plain text.
   */
  tls?: 'implicit' | 'starttls';
  /** Require AUTH PLAIN/LOGIN with these credentials. */
  auth?: { user: string; pass: string };
}

export interface TestSmtpServer {
  port: number;
  /** smtp://… URL for SOSIK_SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** DATA commands seen, accepted or refused. */
  attempts: number;
  close(): Promise<void>;
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const state = { received: [] as ReceivedMail[], attempts: 0 };
  const server = new SMTPServer({
    // Plain text on loopback unless a test asks for TLS (a certificate the client must refuse).
    secure: options.tls === 'implicit',
    disabledCommands: [...(options.tls === 'starttls' ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    disableReverseLookup: true, // 127.0.0.1 has no name worth a DNS round trip per connection
    onConnect(session, callback) {
      Promise.resolve(options.onConnect?.(session)).then(
        (refusal) =>
          callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : undefined),
        (err: Error) => callback(err),
      );
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const index = state.attempts++;
        const refusal = options.refuse?.(index);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        state.received.push(mail);
        options.beforeAccept?.(mail);
        callback(null, 'OK queued');
        options.afterAccept?.(mail);
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as { port: number }).port));
  });
  server.on('error', () => {}); // a client killed mid-session is expected in crash tests
  const creds = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : '';
  return {
    port,
    url: `${options.tls === 'implicit' ? 'smtps' : 'smtp'}://${creds}127.0.0.1:${port}`,
    received: state.received,
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ParsedMail {
  headers: Map<string, string>;
  text: string;
  html: string;
}

function decodeWords(value: string): string {
  // RFC 2047: white space between two encoded words is not part of the text.
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?B\?([^?]*)\?=/gi, (_w, b64: string) => Buffer.from(b64, 'base64').toString('utf8'))
    .trim();
}

function splitHead(block: string): { headers: Map<string, string>; body: string } {
  const at = block.indexOf('\r\n\r\n');
  const head = block.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: block.slice(at + 4) };
}

/** Headers (lower-case names, encoded words decoded) and the decoded text and HTML parts. */
export function parseComposedMail(raw: string): ParsedMail {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('not a multipart message');
  const out: ParsedMail = { headers, text: '', html: '' };
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const p = splitHead(part.replace(/^\r\n/, ''));
    const type = p.headers.get('content-type') ?? '';
    const decoded =
      p.headers.get('content-transfer-encoding') === 'base64' ? Buffer.from(p.body, 'base64').toString('utf8') : p.body;
    if (type.startsWith('text/plain')) out.text = decoded;
    if (type.startsWith('text/html')) out.html = decoded;
  }
  return out;
}
