// Immediate e-mail: when an article arrives, every reader with a matching subscription set to
// "immediate" gets one message about it — one per reader and article, ever (the idempotency key
// `subscriptions.alert:<reader>:<article>` through enqueueMail), however often the job runs.
// Many articles at once (the job's runBatch) are matched with one read per kind of target.
import type { Selectable } from 'kysely';
import { readKeywords } from '../articles/index.ts';
import { defineJob } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { issuesOfArticles } from '../issues/index.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { buildMail, enqueueMail, type MailTemplate, type OutgoingMail } from '../mail/index.ts';
import { loadReaderAccount, type ReaderAccount } from '../readers/index.ts';
import { existingReportersOf } from '../reporters/index.ts';
import { normalizeText } from '../text/index.ts';
import type { SubscriptionKind, SubscriptionTable } from './tables.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { describeTargets } from './targets.ts';

export const ALERT_JOB = 'subscriptions.alert';
/** An older article arriving (a back-catalogue import) is news for nobody's inbox. */
const FRESH_MS = 48 * 3_600_000;
/** Keyword alerts are matched in memory; more than this many are matched in further passes. */
const KEYWORD_BATCH = 5_000;
/** Articles per pass, and ids per statement: far below both databases' parameter limits. */
const CHUNK = 500;

type Subscription = Selectable<SubscriptionTable>;

interface AlertParams {
  site: string;
  name: string;
  what: string;
  headline: string;
  summary: string;
  articleUrl: string;
  unsubscribeUrl: string;
}

export const alertTemplate: MailTemplate<AlertParams> = {
  name: 'subscriptions.alert',
  subject: (tr, p) => tr('subscriptions.mail.subject', { site: p.site, headline: p.headline }),
  intro: (tr, p) => [
    tr('subscriptions.mail.intro', { name: p.name, what: p.what }),
    p.headline,
    ...(p.summary ? [p.summary] : []),
  ],
  action: (tr, p) => ({ label: tr('subscriptions.mail.read'), url: p.articleUrl }),
  outro: (tr, p) => [
    tr('subscriptions.mail.why', { what: p.what }),
    tr('subscriptions.mail.stop', { url: p.unsubscribeUrl }),
  ],
};

/** Every word of the alert appears in the article (same normalisation as the saved key). */
export function keywordMatches(key: string, text: string): boolean {
  const words = key.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => text.includes(w));
}

export async function sendAlerts(deps: AppDeps, articleId: number, now = Date.now()): Promise<number> {
  return sendAlertsForArticles(deps, [articleId], now);
}

type Matched = Pick<Subscription, 'id' | 'reader_id' | 'kind' | 'target_id' | 'query'>;

/**
 * sendAlerts for many articles (the job's runBatch) with the same messages: the articles, their
 * categories, reporters and issues, and the subscriptions that follow any of them are read once for
 * all, so a batch nobody follows costs a handful of reads, and an old article only the first.
 */
export async function sendAlertsForArticles(
  deps: AppDeps,
  articleIds: readonly number[],
  now = Date.now(),
): Promise<number> {
  const ids = [...new Set(articleIds)];
  let created = 0;
  for (let i = 0; i < ids.length; i += CHUNK) created += await alertChunk(deps, ids.slice(i, i + CHUNK), now);
  if (created) deps.nudgeJobs();
  return created;
}

async function alertChunk(deps: AppDeps, ids: number[], now: number): Promise<number> {
  const { db } = deps;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'press_id', 'headline', 'summary', 'body_text', 'keywords', 'first_created_at', 'bylines'])
    .where('id', 'in', ids)
    .where('status', '=', 'usable')
    .where('first_created_at', '>=', now - FRESH_MS)
    .execute();
  if (!rows.length) return 0;
  const byId = new Map(rows.map((a) => [a.id, a]));
  const articles = ids.flatMap((id) => byId.get(id) ?? []);
  const usable = articles.map((a) => a.id);
  const [categoryRows, reporters, issues] = await Promise.all([
    db
      .selectFrom('article_categories')
      .select(['article_id', 'category_id'])
      .where('article_id', 'in', usable)
      .execute(),
    existingReportersOf(db, articles),
    issuesOfArticles(db, usable),
  ]);
  const categories = new Map<number, number[]>();
  for (const c of categoryRows) categories.set(c.article_id, [...(categories.get(c.article_id) ?? []), c.category_id]);
  const targetsOf = (a: (typeof articles)[number]): Array<[SubscriptionKind, number[]]> => [
    ['press', [a.press_id]],
    ['category', categories.get(a.id) ?? []],
    ['reporter', reporters.get(a.id) ?? []],
    ['issue', issues.get(a.id) ?? []],
  ];

  // Every immediate subscription to any target of the batch, by kind and target.
  const followers = new Map<string, Matched[]>();
  for (const kind of ['press', 'category', 'reporter', 'issue'] as const) {
    const targets = [...new Set(articles.flatMap((a) => targetsOf(a).find(([k]) => k === kind)![1]))];
    for (let i = 0; i < targets.length; i += CHUNK) {
      const found = await db
        .selectFrom('subscriptions')
        .select(['id', 'reader_id', 'kind', 'target_id', 'query'])
        .where('kind', '=', kind)
        .where('target_id', 'in', targets.slice(i, i + CHUNK))
        .where('delivery', '=', 'immediate')
        .orderBy('id')
        .execute();
      for (const s of found) {
        const key = `${kind}:${s.target_id}`;
        followers.set(key, [...(followers.get(key) ?? []), s]);
      }
    }
  }
  const matched = new Map<number, Matched[]>(
    articles.map((a) => [
      a.id,
      targetsOf(a).flatMap(([kind, targetIds]) => targetIds.flatMap((t) => followers.get(`${kind}:${t}`) ?? [])),
    ]),
  );
  const texts = articles.map(
    (a) => [a.id, normalizeText([a.headline, a.summary, a.body_text, ...readKeywords(a.keywords)].join(' '))] as const,
  );
  for (let after = 0; ; ) {
    const batch = await db
      .selectFrom('subscriptions')
      .select(['id', 'reader_id', 'kind', 'target_id', 'query', 'target_key'])
      .where('kind', '=', 'keyword')
      .where('delivery', '=', 'immediate')
      .where('id', '>', after)
      .orderBy('id')
      .limit(KEYWORD_BATCH)
      .execute();
    for (const s of batch)
      for (const [id, text] of texts) if (keywordMatches(s.target_key, text)) matched.get(id)!.push(s);
    if (batch.length < KEYWORD_BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  const wanted = articles.filter((a) => matched.get(a.id)!.length);
  if (!wanted.length) return 0;

  const readerIds = [...new Set(wanted.flatMap((a) => matched.get(a.id)!.map((m) => m.reader_id)))];
  const pressIds = [...new Set(wanted.map((a) => a.press_id))];
  const [hiddenRows, presses] = await Promise.all([
    db
      .selectFrom('reader_hidden_presses')
      .select(['reader_id', 'press_id'])
      .where('press_id', 'in', pressIds)
      .where('reader_id', 'in', readerIds)
      .execute(),
    db.selectFrom('presses').select(['id', 'name']).where('id', 'in', pressIds).execute(),
  ]);
  const hidden = new Set(hiddenRows.map((h) => `${h.reader_id}:${h.press_id}`));
  const pressName = new Map(presses.map((p) => [p.id, p.name]));
  const readers = new Map<number, ReaderAccount | null>();
  const labels = new Map<string, string | undefined>();
  const tokens = new Map<number, string>();
  let created = 0;
  for (const article of wanted) {
    // One message per reader: the first matching subscription names why (and is the one to stop).
    const byReader = new Map<number, Matched>();
    for (const m of matched.get(article.id)!)
      if (!hidden.has(`${m.reader_id}:${article.press_id}`) && !byReader.has(m.reader_id)) byReader.set(m.reader_id, m);
    const mails: OutgoingMail[] = [];
    for (const [readerId, s] of byReader) {
      if (!readers.has(readerId)) readers.set(readerId, await loadReaderAccount(db, readerId));
      const reader = readers.get(readerId);
      if (!reader?.emailVerified || reader.suspended) continue;
      if (!tokens.has(s.id)) tokens.set(s.id, await unsubscribeToken(deps, s.id));
      const unsubscribeUrl = `${deps.config.publicUrl}/subscriptions/unsubscribe/${tokens.get(s.id)}`;
      const labelKey = `${s.id}:${reader.locale}`;
      if (!labels.has(labelKey)) {
        const described = await describeTargets(
          deps,
          [{ id: s.id, kind: s.kind, targetId: s.target_id, query: s.query, delivery: 'immediate', createdAt: 0 }],
          reader.locale,
        );
        labels.set(labelKey, described.get(s.id)?.name);
      }
      const name = labels.get(labelKey) ?? pressName.get(article.press_id)!;
      const what = s.kind === 'keyword' ? `“${name}”` : name;
      mails.push(
        buildMail(
          deps.config,
          alertTemplate,
          {
            site: deps.config.siteName,
            name: reader.nickname,
            what,
            headline: article.headline,
            summary: article.summary.slice(0, 300),
            articleUrl: `${deps.config.publicUrl}/articles/${article.id}`,
            unsubscribeUrl,
          },
          {
            to: reader.email,
            lang: reader.locale,
            key: `subscriptions.alert:${readerId}:${article.id}`,
            listUnsubscribe: unsubscribeUrl,
          },
        ),
      );
    }
    // One transaction an article: its messages are enqueued together (each once ever, by its key).
    if (mails.length)
      created += await db.transaction().execute(async (trx) => {
        let n = 0;
        for (const mail of mails) if ((await enqueueMail(trx, mail)).created) n++;
        return n;
      });
  }
  return created;
}

export const alertJob = defineJob({
  kind: ALERT_JOB,
  payload: articleChangedPayload,
  run: async ({ articleId }, deps) => sendAlerts(deps, articleId),
  runBatch: async (payloads, deps) =>
    sendAlertsForArticles(
      deps,
      payloads.map((p) => p.articleId),
    ),
});
