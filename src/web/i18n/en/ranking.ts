import type { Messages } from '../index.ts';

export default {
  'ranking.title': 'Rankings',
  'ranking.title.scoped': 'Rankings: {scope}',
  'ranking.kinds': 'Kind of ranking',
  'ranking.categories': 'Sections',
  'ranking.presses': 'Presses',
  'ranking.all': 'All',
  'ranking.kind.viewed': 'Most viewed',
  'ranking.kind.commented': 'Most commented',
  'ranking.kind.rising': 'Fastest rising',
  'ranking.empty': 'No articles have been counted yet.',
  'ranking.why.viewed': '{n} views in the last {hours} hours',
  'ranking.why.commented': '{n} comments in the last {hours} hours',
  'ranking.why.rising': '{n} views in the last {hours} hours, {ratio}× the usual rate',
  'ranking.aside.title': 'Most viewed at {press}',
  'ranking.aside.more': 'More of this press’s rankings',
  'ranking.about.link': 'How are rankings made?',
  'ranking.about.title': 'How rankings and "for you" are made',
  'ranking.about.intro':
    'Every figure below is printed from the settings Sosik actually uses. The personalised order is used only when a signed-in reader chooses it; the default order is the same for everyone.',
  'ranking.about.section.viewed': 'Most viewed',
  'ranking.about.explain.viewed':
    'The views of the latest hourly buckets, summed, highest first. One reader (or visitor) viewing one article counts once a day.',
  'ranking.about.section.commented': 'Most commented',
  'ranking.about.explain.commented':
    'Published comments and replies of the last few hours, most first. Held or deleted comments do not count.',
  'ranking.about.section.rising': 'Fastest rising',
  'ranking.about.explain.rising':
    'Recent views against the article’s usual rate in the hours before: score = (recent views + 1) ÷ (expected views + 1).',
  'ranking.about.section.pressAside': '"Most viewed at this press" beside articles',
  'ranking.about.explain.pressAside': 'Most viewed, computed over the articles of the article’s own press.',
  'ranking.about.section.forYou': 'For you',
  'ranking.about.explain.forYou':
    'When a signed-in reader picks "for you" on the home page, articles are ordered by the sum of the terms below times their weights. No press fills more than a share of a page; articles already read are left out; every article answers "why am I seeing this?".',
  'ranking.about.section.forYouWeights': 'Weights of "for you"',
  'ranking.about.explain.forYouWeights':
    'Each term is between 0 and 1 and is multiplied by its weight. The explanation names the largest contributions first.',
  'ranking.about.section.counting': 'Counting views',
  'ranking.about.explain.counting':
    'Views are gathered in memory and written in batches so that reading never waits; a server that crashes loses at most one interval of views.',
  'ranking.about.section.rules': 'Views that do not count',
  'ranking.about.privacy':
    'Visitors who are not signed in are told apart only by a hash under a secret that changes every day; the previous day’s secret is deleted. No IP address or browser details are stored.',
  'ranking.about.section.changes': 'Change log',
  'ranking.rule.method':
    'Fetching the page (HEAD, GET) is not a view: only the signal sent once the article is on screen counts.',
  'ranking.rule.bot':
    'Clients that say they are robots, crawlers, preview fetchers or automation tools, and clients without a user agent.',
  'ranking.rule.prefetch': 'Pages a browser prefetched or prerendered (until they are shown).',
  'ranking.rule.cross-site': 'Requests sent from another site.',
  'ranking.rule.no-cookie': 'Clients that keep no cookies (the cookie says only "keeps cookies").',
  'ranking.param.windowHours': 'Window (hours)',
  'ranking.param.maxArticleAgeHours': 'Articles published within (hours)',
  'ranking.param.limit': 'Articles shown',
  'ranking.param.recentHours': 'Recent span (hours)',
  'ranking.param.baselineHours': 'Compared with (hours before)',
  'ranking.param.minRecentViews': 'Minimum recent views',
  'ranking.param.pageSize': 'Articles per page',
  'ranking.param.halfLifeHours': 'Freshness half-life (hours)',
  'ranking.param.historyDays': 'Reading history used (days)',
  'ranking.param.pressSharePercent': 'Largest share of one press (%)',
  'ranking.param.hideRead': 'Leave out articles read',
  'ranking.param.subscribedPress': 'Subscribed press',
  'ranking.param.subscribedReporter': 'Subscribed reporter',
  'ranking.param.subscribedCategory': 'Subscribed section',
  'ranking.param.followedIssue': 'Followed issue',
  'ranking.param.readIssue': 'Issue read',
  'ranking.param.popularInCategory': 'Popular in its section (today’s views)',
  'ranking.param.freshness': 'Freshness',
  'ranking.param.flushSeconds': 'Write interval (seconds)',
} satisfies Messages;
