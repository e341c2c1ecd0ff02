// The related capability: "관련 기사" under every article (same issue, same reporter, similar text),
// each saying why it is there.
import { h } from 'preact';
import type { Capability } from '../capability.ts';
import { translator } from '../web/i18n/index.ts';
import { keptRelatedArticles } from './related.ts';

export const relatedCapability: Capability = {
  name: 'related',
  slots: {
    articleSection: async (deps, article, page) => {
      const items = await keptRelatedArticles(deps, article.id);
      if (!items.length) return null;
      const tr = translator(page.locale);
      return h(
        'section',
        { class: 'related', 'aria-labelledby': 'related-title' },
        h('h2', { id: 'related-title', class: 'section-title' }, tr('related.title')),
        h(
          'ul',
          { class: 'related__list' },
          items.map((i) =>
            h(
              'li',
              { class: 'related__item', 'data-reason': i.reason },
              h('a', { href: `/articles/${i.card.id}` }, i.card.headline),
              ' ',
              h('span', { class: 'related__reason' }, tr(`related.reason.${i.reason}`)),
            ),
          ),
        ),
      ) as never;
    },
  },
};
