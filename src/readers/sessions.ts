// A reader's sessions as /account lists them: device (from the user agent), last use, and which
// one is this browser; revoking one deletes its row, so it ends at once on every web process.
import type { Db } from '../db/database.ts';
import { READER } from './reader.ts';

export interface ReaderSession {
  id: string;
  device: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  persistent: boolean;
  current: boolean;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Whale\//, 'Naver Whale'],
  [/KAKAOTALK/i, 'KakaoTalk'],
  [/NAVER\(/, 'Naver app'],
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome · Android": enough to recognise a device, without keeping more than the header had. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return '?';
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

export async function listReaderSessions(
  db: Db,
  readerId: number,
  currentSessionId: string,
  now = Date.now(),
): Promise<ReaderSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('principal_kind', '=', READER)
    .where('principal_id', '=', readerId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    device: describeUserAgent(r.user_agent),
    createdAt: Number(r.created_at),
    lastSeenAt: Number(r.last_seen_at),
    expiresAt: Number(r.expires_at),
    persistent: r.persistent === 1,
    current: r.id === currentSessionId,
  }));
}

/** Ends one of the reader's own sessions; another principal's session id changes nothing. */
export async function revokeReaderSession(db: Db, readerId: number, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('principal_kind', '=', READER)
    .where('principal_id', '=', readerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
