// The subscriptions.alert job's runBatch (sendAlertsForArticles) must enqueue exactly the messages
// the jobs run one by one would: the same readers, the same reason named, none for a hidden press,
// an unverified reader, a digest subscription, an old or withdrawn article. Two twin sets of
// articles, one alerted article by article and one in a single call, compared message for message.
// SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/databases.ts';
import { addArticle, addIssueMember, addIssueRow, addPress } from '../helpers/news.ts';
import { verifiedReaderRow } from '../helpers/readers.ts';
import { readersTestApp } from '../../src/readers/test-support.ts';
import { linkArticleReporters } from '../../src/reporters/index.ts';
import { sendAlerts, sendAlertsForArticles } from '../../src/subscriptions/alerts.ts';
import type { Delivery, SubscriptionKind } from '../../src/subscriptions/tables.ts';

const DAY = 86_400_000;

describe.each(await testDialects())('alerts for a batch of articles (%s)', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await readersTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('enqueues the same messages as one article after another', async () => {
    const { db } = t.deps;
    const now = Date.now();
    const hanbit = await addPress(t.deps, 'batch-hanbit', '한빛일보');
    const garam = await addPress(t.deps, 'batch-garam', '가람신문');
    const byline = [{ name: '김기자', email: 'kim@hanbit.example' }];
    // The reporter exists before the alerts (an earlier article of theirs was filed).
    const earlier = await addArticle(t.deps, hanbit, { bylines: byline, headline: '지난 기사' }, now - 3 * DAY);
    const [reporter] = await linkArticleReporters(db, earlier);
    const economy = await db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'economy')
      .executeTakeFirstOrThrow();

    const reader = async (name: string, verified = true) =>
      (
        await db
          .insertInto('readers')
          .values({
            ...verifiedReaderRow(`${name}@batch.example`, name, now),
            email_verified_at: verified ? now : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const follow = (readerId: number, kind: SubscriptionKind, target: number | string, delivery: Delivery) =>
      db
        .insertInto('subscriptions')
        .values({
          reader_id: readerId,
          kind,
          target_id: typeof target === 'number' ? target : null,
          query: typeof target === 'string' ? target : null,
          target_key: String(target),
          delivery,
          created_at: now,
        })
        .execute();
    const pressFan = await reader('press-fan');
    await follow(pressFan, 'press', hanbit, 'immediate');
    const keywordFan = await reader('keyword-fan');
    await follow(keywordFan, 'keyword', '은빛대교', 'immediate');
    const reporterFan = await reader('reporter-fan');
    await follow(reporterFan, 'reporter', reporter!, 'immediate');
    // Follows garam by keyword too, but hides it: only hanbit's articles reach them.
    await follow(reporterFan, 'keyword', '가람', 'immediate');
    await db
      .insertInto('reader_hidden_presses')
      .values({ reader_id: reporterFan, press_id: garam, created_at: now })
      .execute();
    const categoryFan = await reader('category-fan');
    await follow(categoryFan, 'category', economy.id, 'immediate');
    const issueFan = await reader('issue-fan');
    const unverified = await reader('unverified', false);
    await follow(unverified, 'press', garam, 'immediate');
    const digestOnly = await reader('digest-only');
    await follow(digestOnly, 'press', garam, 'digest');
    // Follows by press and by keyword: one message, named by the first match (the press).
    await follow(digestOnly, 'press', hanbit, 'immediate');
    await follow(digestOnly, 'keyword', '은빛대교', 'immediate');

    const issueId = await addIssueRow(
      db,
      { slug: 'batch-issue', name: '은빛대교 재개통', leadArticleId: earlier },
      now,
    );
    await follow(issueFan, 'issue', issueId, 'immediate');

    // One set of articles: each twin of a set is alike but for its id.
    const articleSet = async (set: string) => {
      const article = (press: number, headline: string, more: Parameters<typeof addArticle>[2] = {}, at = now) =>
        addArticle(
          t.deps,
          press,
          { headline: `${set} ${headline}`, bodyHtml: `<p>${headline}. 시민들이 반겼다.</p>`, ...more },
          at,
        );
      const ids = [
        await article(hanbit, '은빛대교 통행 재개', { bylines: byline }),
        await article(garam, '가람 경제 소식', { subjects: [{ code: 'economy' }] }),
        await article(garam, '가람 은빛대교 공사'),
        // Too old to be news: nobody is told.
        await article(hanbit, '오래된 은빛대교 기사', {}, now - 3 * DAY),
        await article(hanbit, '철회된 은빛대교 기사', { pubstatus: 'canceled' }),
      ];
      await addIssueMember(db, { issueId, articleId: ids[2]!, pressId: garam, publishedAt: now }, now);
      return ids;
    };
    const single = await articleSet('[하나]');
    const batch = await articleSet('[두울]');

    let singly = 0;
    for (const id of single) singly += await sendAlerts(t.deps, id, now);
    const together = await sendAlertsForArticles(t.deps, [...batch, batch[0]!], now);
    expect(together).toBe(singly);
    // Running again (a worker died after enqueuing) adds nothing.
    expect(await sendAlertsForArticles(t.deps, batch, now)).toBe(0);

    const messages = async (ids: number[], set: string) => {
      const rows = await db
        .selectFrom('mail_messages')
        .select(['key', 'to_address', 'subject', 'text_body'])
        .where('template', '=', 'subscriptions.alert')
        .execute();
      return ids.map((id, i) =>
        rows
          .filter((r) => r.key.endsWith(`:${id}`))
          .map((r) => ({
            article: i,
            to: r.to_address,
            subject: r.subject.replaceAll(set, '*'),
            text: (r.text_body ?? '').replaceAll(`/articles/${id}`, '/articles/*').replaceAll(set, '*'),
          }))
          .sort((a, b) => a.to.localeCompare(b.to)),
      );
    };
    const one = await messages(single, '[하나]');
    expect(await messages(batch, '[두울]')).toEqual(one);
    const recipients = one.map((m) => m.map((x) => x.to.split('@')[0]));
    expect(recipients).toEqual([
      ['digest-only', 'keyword-fan', 'press-fan', 'reporter-fan'],
      ['category-fan'],
      ['digest-only', 'issue-fan', 'keyword-fan'],
      [],
      [],
    ]);
    // The reason named is the first subscription that matched: the press before the keyword.
    expect(one[0]!.find((m) => m.to.startsWith('digest-only'))!.text).toContain('한빛일보');
    expect(one[0]!.find((m) => m.to.startsWith('reporter-fan'))!.text).toContain('김기자');
  });
});
