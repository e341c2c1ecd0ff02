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
} satisfies Messages;
