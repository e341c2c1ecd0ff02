// English strings of an article's corrections: the note on the article page and /articles/:id/revisions.
import type { Messages } from '../index.ts';

export default {
  'articles.corrected': 'Corrected · {n}×',
  'articles.revisions.title': 'Revisions: {headline}',
  'articles.revisions.heading': 'Revisions:',
  'articles.revisions.back': 'Back to the article',
  'articles.revisions.lead':
    '{press} corrected this article {n} time(s) after first publishing it. Each version shows, word by word, how its headline and body differ from the version before.',
  'articles.revisions.none': '{press} has not corrected this article since publishing it.',
  'articles.revisions.only-newest': 'Only the newest {n} versions are shown.',
  'articles.revisions.legend-added': 'added words',
  'articles.revisions.legend-removed': 'removed words',
  'articles.revisions.first': 'Version {n} (first published)',
  'articles.revisions.numbered': 'Version {n}',
  'articles.revisions.headline': 'Headline',
  'articles.revisions.body': 'Body',
  'articles.revisions.added': 'added',
  'articles.revisions.added-end': 'end of addition',
  'articles.revisions.removed': 'removed',
  'articles.revisions.removed-end': 'end of removal',
  'articles.revisions.cut': '(unchanged text left out)',
  'articles.revisions.unchanged': 'unchanged',
  'articles.revisions.body-unchanged': 'The body did not change.',
  'articles.revisions.rewritten': 'The body changed too much to compare; this is the whole body of this version.',
  'articles.revisions.withdrawn': 'In this version the press withdrew the article.',
} satisfies Messages;
