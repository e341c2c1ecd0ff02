// English strings of the breaking-news banner (layout).
import type { Messages } from '../index.ts';

export default {
  'web.breaking.label': 'Breaking',
  'web.breaking.dismiss': 'Dismiss breaking news',
} satisfies Messages;
