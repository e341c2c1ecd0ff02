// English strings of the studio's 속보 (breaking news) flag on an article.
import type { Messages } from '../index.ts';

export default {
  'studio.breaking.title': 'Breaking news',
  'studio.breaking.none': 'Not breaking news. Flagged, it shows in the banner atop every page for an hour.',
  'studio.breaking.urgent': 'Breaking news: the press sent it with urgency {urgency}.',
  'studio.breaking.flagged': 'Flagged as breaking news in the studio.',
  'studio.breaking.flag': 'Flag as breaking news',
  'studio.breaking.unflag': 'Remove the breaking-news flag',
} satisfies Messages;
