// English strings of the pages that browse across presses (/latest, /press) and of the article
// page's listen and share controls.
import type { Messages } from '../index.ts';

export default {
  'articles.latest.title': 'Latest articles',
  'articles.latest.title-in': 'Latest in {category}',
  'articles.latest.description': 'Every press on {site}, newest first.',
  'articles.latest.filter': 'Filter by section',
  'articles.latest.all': 'All',
  'articles.latest.more': 'More latest articles',
  'articles.presses.title': 'Presses',
  'articles.presses.description': 'The presses that publish on {site}',
  'articles.presses.note': 'Presses publishing on {site}: {count}.',
  'articles.presses.count': 'Articles: {count}',
  'articles.presses.feeds': 'Feeds of {press}',
  'articles.presses.empty': 'No presses yet.',
  'articles.presses.all': 'All presses',
  'articles.tools.listen': 'Listen',
  'articles.tools.listen-stop': 'Stop listening',
  'articles.tools.share': 'Share',
  'articles.keywords.search': 'Search for “{keyword}”',
} satisfies Messages;
