// Immediate e-mail: when an article arrives, every reader with a matching subscription set to
// "immediate" gets one message about it — one per reader and article, ever (the idempotency key
// `subscriptions.alert:<reader>:<article>` through enqueueMail), however often the job runs.
import { readBylines, readKeywords } from '../articles/index.ts';
import { defineJob } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import { issuesOfArticle } from '../issues/index.ts';
import { articleChangedPayload } from '../jobs/article-changed.ts';
import { buildMail, enqueueMail, type MailTemplate } from '../mail/index.ts';
import { loadReaderAccount } from '../readers/index.ts';
import { linkArticleReporters } from '../reporters/index.ts';
import { normalizeText } from '../text/index.ts';
import type { SubscriptionKind } from './tables.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { describeTargets } from './targets.ts';

export const ALERT_JOB = 'subscriptions.alert';
/** An older article arriving (a back-catalogue import) is news for nobody's inbox. */
const FRESH_MS = 48 * 3_600_000;
/** Keyword alerts are matched in memory; more than this many are matched in further passes. */
const KEYWORD_BATCH = 5_000;

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
  const { db } = deps;
  const article = await db
    .selectFrom('articles')
    .select(['id', 'press_id', 'headline', 'summary', 'body_text', 'keywords', 'status', 'first_created_at', 'bylines'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article || article.status !== 'usable' || now - Number(article.first_created_at) > FRESH_MS) return 0;
  const [categories, reporters, issues] = await Promise.all([
    db.selectFrom('article_categories').select('category_id').where('article_id', '=', articleId).execute(),
    readBylines(article.bylines).length ? linkArticleReporters(db, articleId) : Promise.resolve([]),
    issuesOfArticle(db, articleId),
  ]);
  const targets: Array<[SubscriptionKind, number[]]> = [
    ['press', [article.press_id]],
    ['category', categories.map((c) => c.category_id)],
    ['reporter', reporters],
    ['issue', issues],
  ];
  const matched: Array<{
    id: number;
    reader_id: number;
    kind: SubscriptionKind;
    target_id: number | null;
    query: string | null;
  }> = [];
  for (const [kind, ids] of targets) {
    if (!ids.length) continue;
    matched.push(
      ...(await db
        .selectFrom('subscriptions')
        .select(['id', 'reader_id', 'kind', 'target_id', 'query'])
        .where('kind', '=', kind)
        .where('target_id', 'in', ids)
        .where('delivery', '=', 'immediate')
        .execute()),
    );
  }
  const text = normalizeText(
    [article.headline, article.summary, article.body_text, ...readKeywords(article.keywords)].join(' '),
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
    for (const s of batch) if (keywordMatches(s.target_key, text)) matched.push(s);
    if (batch.length < KEYWORD_BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  if (!matched.length) return 0;
  const hidden = new Set(
    (
      await db
        .selectFrom('reader_hidden_presses')
        .select('reader_id')
        .where('press_id', '=', article.press_id)
        .where('reader_id', 'in', [...new Set(matched.map((m) => m.reader_id))])
        .execute()
    ).map((r) => r.reader_id),
  );
  // One message per reader: the first matching subscription names why (and is the one to stop).
  const byReader = new Map<number, (typeof matched)[number]>();
  for (const m of matched) if (!hidden.has(m.reader_id) && !byReader.has(m.reader_id)) byReader.set(m.reader_id, m);
  const press = await db
    .selectFrom('presses')
    .select(['name'])
    .where('id', '=', article.press_id)
    .executeTakeFirstOrThrow();
  let created = 0;
  for (const [readerId, s] of byReader) {
    const reader = await loadReaderAccount(db, readerId);
    if (!reader || !reader.emailVerified || reader.suspended) continue;
    const unsubscribeUrl = `${deps.config.publicUrl}/subscriptions/unsubscribe/${await unsubscribeToken(deps, s.id)}`;
    const labels = await describeTargets(
      deps,
      [{ id: s.id, kind: s.kind, targetId: s.target_id, query: s.query, delivery: 'immediate', createdAt: 0 }],
      reader.locale,
    );
    const name = labels.get(s.id)?.name ?? press.name;
    const what = s.kind === 'keyword' ? `“${name}”` : name;
    const mail = buildMail(
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
    );
    if ((await db.transaction().execute((trx) => enqueueMail(trx, mail))).created) created++;
  }
  if (created) deps.nudgeJobs();
  return created;
}

export const alertJob = defineJob({
  kind: ALERT_JOB,
  payload: articleChangedPayload,
  run: async ({ articleId }, deps) => sendAlerts(deps, articleId),
  // One after another (each is a few reads when nobody follows the article), but marked done together.
  runBatch: async (payloads, deps) => {
    for (const articleId of new Set(payloads.map((p) => p.articleId))) await sendAlerts(deps, articleId);
  },
});
