// Without SMTP, messages become .eml files in SOSIK_OUTBOX_DIR, one file per idempotency key,
// written to a temporary name and renamed into place: a reader never sees half a file, and a
// rerun after a crash rewrites the same file instead of adding a copy.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ComposedMail } from './compose.ts';
import { DeliveryAborted, DeliveryError, type MailTransport } from './transport.ts';

/** A file name from the key: readable prefix, plus a digest so distinct keys never collide. */
export function outboxFileName(key: string): string {
  const readable = key
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 60);
  const digest = crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${readable ? `${readable}-` : ''}${digest}.eml`;
}

export function outboxTransport(dir: string): MailTransport {
  return {
    name: 'outbox',
    idempotent: true,
    async deliver(mail: ComposedMail, key: string, pointOfNoReturn: () => Promise<boolean>) {
      if (!(await pointOfNoReturn())) throw new DeliveryAborted('message moved on by another worker');
      const file = path.join(dir, outboxFileName(key));
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      try {
        await fs.mkdir(dir, { recursive: true });
        const handle = await fs.open(tmp, 'w', 0o600);
        try {
          await handle.writeFile(mail.raw);
          await handle.sync(); // the bytes are on disk before the name points at them
        } finally {
          await handle.close();
        }
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        // A full disk or a missing permission may be fixed; rewriting the file is harmless.
        throw new DeliveryError(`could not write the outbox file: ${(err as Error).message}`, 'temporary', {
          cause: err,
        });
      }
      return { response: `written to ${path.basename(file)}` };
    },
  };
}

/** The .eml of a message, or undefined when it is not (or no longer) in the outbox. */
export async function readOutboxFile(dir: string, key: string, maxBytes = 2_000_000): Promise<Buffer | undefined> {
  const file = path.join(dir, outboxFileName(key));
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) return undefined;
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}
