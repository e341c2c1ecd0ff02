import type { Messages } from '../index.ts';

export default {
  'reporters.page.title': '{name} ({press})',
  'reporters.page.heading': '{name}',
  'reporters.page.description': 'Articles by {name} of {press}, newest first.',
  'reporters.page.empty': 'No articles to show yet.',
  'reporters.page.more': 'Older articles',
  'reporters.page.older': 'More older articles',
  'reporters.studio.nav': 'Reporters',
  'reporters.studio.title': 'Reporters',
  'reporters.studio.press': 'Press',
  'reporters.studio.show': 'Show',
  'reporters.studio.caption': 'Reporters of {press}',
  'reporters.studio.name': 'Name',
  'reporters.studio.articles': 'Articles',
  'reporters.studio.rename': 'Display name',
  'reporters.studio.display-name': 'Display name of {name}',
  'reporters.studio.save': 'Save',
  'reporters.studio.merge': 'Merge',
  'reporters.studio.merge-into': 'Merge {name} into',
  'reporters.studio.empty': 'No reporters yet. They appear when articles with bylines arrive.',
} satisfies Messages;
