// Each visible issue has published feeds (/issues/:slug/feed.xml …): the feeds capability asks
// this source for the issue's title and newest article ids.
import type { FeedSource } from '../capability.ts';
import { findIssueBySlug, issueArticles } from './read-store.ts';

const FEED_ARTICLES = 50;

export const issueFeedSource: FeedSource = {
  prefix: 'issues',
  noun: 'issue',
  async lookup(deps, slug) {
    const found = await findIssueBySlug(deps.db, slug);
    if (found.kind !== 'found' || !found.issue.visible) return undefined;
    const articles = await issueArticles(deps.db, found.issue.id, FEED_ARTICLES);
    return { title: found.issue.name, articleIds: articles.map((a) => a.id) };
  },
};
