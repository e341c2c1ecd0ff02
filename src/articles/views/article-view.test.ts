// The article view's optional slots, rendered without a server.
import { IssueTagLink } from '../../issues/index.ts';
import { h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../web/render.ts';
import type { ArticleDetail } from '../read-store.ts';
import { ArticlePage, wasUpdated } from './article.tsx';

const article: ArticleDetail = {
  id: 5,
  headline: '시험 기사',
  subheadline: null,
  series: null,
  bodyHtml: '<p>본문</p>',
  summary: '요약',
  lang: 'ko',
  bylines: [],
  keywords: [],
  copyright: null,
  status: 'usable',
  revision: 1,
  firstCreatedAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 1),
  withdrawnAt: null,
  press: {
    id: 1,
    slug: 'p',
    name: '시험일보',
    nameEn: null,
    homepage: null,
    description: null,
    descriptionEn: null,
    copyright: null,
  },
  photos: [],
  categories: [],
  previous: null,
  next: null,
};
const ctx = {
  locale: 'ko' as const,
  siteName: '소식',
  publicUrl: 'https://n.example',
  path: '/articles/5',
  nav: [],
  now: Date.now(),
  stylesheets: [],
};

describe('article view', () => {
  it('renders the issue tag only when the issues capability gives one', () => {
    const without = renderDocument(h(ArticlePage, { ctx, article }));
    expect(without).not.toContain('class="issue-tag"');
    // The tag is the issues capability's header slot; the page renders what its slots give it.
    const tag = h(IssueTagLink, { locale: 'ko', tag: { name: '조력발전 가동', slug: 'tidal-power' } }) as VNode;
    const withTag = renderDocument(h(ArticlePage, { ctx, article, slots: { header: [tag], sections: [], aside: [] } }));
    expect(withTag).toContain(
      '<a href="/issues/tidal-power"><span class="issue-tag__label">이슈</span><span class="issue-tag__name">조력발전 가동</span></a>',
    );
  });

  it('falls back to a default copyright line naming the press; comments come only from the comments slots', () => {
    const html = renderDocument(h(ArticlePage, { ctx, article }));
    expect(html).toContain('ⓒ 시험일보.');
    expect(html).not.toContain('id="comments"');
  });

  it('lists latest headlines beside the article, without the article itself', () => {
    const latest = [
      { href: '/articles/5', headline: '시험 기사', lang: 'ko' },
      { href: '/articles/6', headline: 'Other story', lang: 'en' },
    ];
    const html = renderDocument(h(ArticlePage, { ctx, article, latest }));
    expect(html).toContain('<li lang="en"><a href="/articles/6">Other story</a></li>');
    expect(html).not.toContain('<a href="/articles/5">');
  });

  it('calls an article updated only when the update shows a different minute', () => {
    const t = Date.UTC(2025, 0, 1, 9, 0, 10);
    expect(wasUpdated({ firstCreatedAt: t, updatedAt: t + 20_000 })).toBe(false);
    expect(wasUpdated({ firstCreatedAt: t, updatedAt: t + 60_000 })).toBe(true);
  });
});
