import type { Messages } from '../index.ts';

export default {
  'related.title': 'Related articles',
  'related.reason.issue': 'Same issue',
  'related.reason.reporter': 'Same reporter',
  'related.reason.similar': 'Similar text',
} satisfies Messages;
