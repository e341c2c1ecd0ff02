// The summary.compute job's runBatch (computeSummaries) must store exactly the rows the jobs run one
// by one would: a summary for a long story, the reason for an opinion piece, a brief and a photo
// with a caption, nothing for a withdrawn article or an id that is no article. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/databases.ts';
import { addPress, deliver, storyHtml } from '../../test/helpers/newsroom.ts';
import { computeSummaries, computeSummary } from './compute.ts';

describe.each(await testDialects())('summary.compute for a batch (%s)', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false, workers: false });
  });
  afterAll(async () => t?.close());

  it('stores the same rows as one article after another', async () => {
    const pressId = await addPress(t.deps, 'batch-ilbo', '배치일보');
    const items = [
      { uri: 'urn:b:story', headline: '해온만 조력발전소 상업 운전 시작', body_html: storyHtml() },
      { uri: 'urn:b:opinion', headline: '[사설] 조력발전의 미래', body_html: storyHtml() },
      { uri: 'urn:b:brief', headline: '해온시 단신', body_html: '<p>해온시가 오늘 발표했다. 주민들이 반겼다.</p>' },
      {
        uri: 'urn:b:photo',
        headline: '해온만의 아침',
        body_html: '<p>해온만 발전소 앞 바다에 해가 뜨고 있다.</p>',
        associations: {
          featureimage: {
            type: 'picture',
            uri: 'urn:b:photo:1',
            renditions: { original: { href: 'https://img.example/1.jpg' } },
          },
        },
      },
      { uri: 'urn:b:withdrawn', headline: '철회된 기사', body_html: storyHtml(), pubstatus: 'canceled' },
    ];
    const ids: number[] = [];
    for (const item of items) ids.push((await deliver(t.deps, pressId, item)).id);
    const rows = () =>
      t.deps.db
        .selectFrom('article_summaries')
        .select(['article_id', 'revision', 'version', 'sentences', 'reason'])
        .where('article_id', 'in', ids)
        .orderBy('article_id')
        .execute();

    const singly = [];
    for (const id of ids) singly.push(await computeSummary(t.deps, id));
    const one = await rows();
    await t.deps.db.deleteFrom('article_summaries').where('article_id', 'in', ids).execute();
    expect(await rows()).toEqual([]);
    const missing = 999_999;
    const together = await computeSummaries(t.deps, [...ids, ids[0]!, missing]);
    expect(together).toEqual([...singly, 'skipped']);
    expect(await rows()).toEqual(one);
    expect(one.map((r) => r.reason)).toEqual([null, 'opinion', 'too-short', 'photo-only']);
    expect(JSON.parse(one[0]!.sentences!)).toHaveLength(3);
  });
});
