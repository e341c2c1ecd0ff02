// Reads and state changes of mail_messages. Every transition names the state it leaves, so two
// workers (one whose lease ran out, one that took the job over) can never both move a message.
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import { offsetPage } from '../db/paging.ts';
import type { MailMessageTable, MailState } from './tables.ts';

export type MailMessageRow = Selectable<MailMessageTable>;

export function findMail(db: Db, id: number): Promise<MailMessageRow | undefined> {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a message from one of `from` to `to`; false when it was not in one of them (someone else moved it). */
export async function transition(
  db: Db,
  id: number,
  from: readonly MailState[],
  to: MailState,
  fields: {
    transport?: string;
    last_response?: string | null;
    sent_at?: number;
    clearBody?: boolean;
    countAttempt?: boolean;
  } = {},
): Promise<boolean> {
  const now = Date.now();
  const res = await db
    .updateTable('mail_messages')
    .set((eb) => ({
      state: to,
      updated_at: now,
      ...(fields.transport !== undefined ? { transport: fields.transport } : {}),
      ...(fields.last_response !== undefined ? { last_response: fields.last_response?.slice(0, 1000) ?? null } : {}),
      ...(fields.sent_at !== undefined ? { sent_at: fields.sent_at } : {}),
      ...(fields.clearBody ? { text_body: null, html_body: null } : {}),
      ...(fields.countAttempt ? { attempts: eb('attempts', '+', 1) } : {}),
    }))
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface OutboxListItem {
  id: number;
  to: string;
  subject: string;
  template: string;
  lang: string;
  state: MailState;
  attempts: number;
  transport: string | null;
  lastResponse: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** Newest first, one page; `hasMore` tells whether another page follows. */
export async function listMail(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ rows: OutboxListItem[]; hasMore: boolean }> {
  const query = db
    .selectFrom('mail_messages')
    .select([
      'id',
      'to_address',
      'subject',
      'template',
      'lang',
      'state',
      'attempts',
      'transport',
      'last_response',
      'created_at',
      'sent_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  const { rows, hasMore } = await offsetPage(query, page, pageSize);
  return {
    hasMore,
    rows: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      template: r.template,
      lang: r.lang,
      state: r.state,
      attempts: r.attempts,
      transport: r.transport,
      lastResponse: r.last_response,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
  };
}
