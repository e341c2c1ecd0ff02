// English strings of the automatic summary (요약봇) and its studio setting.
import type { Messages } from '../index.ts';

export default {
  'summary.title': 'Summary',
  'summary.badge': 'Automatic summary',
  'summary.note':
    'Sentences chosen automatically from the article by a summariser. Read the full article for the whole story.',
  'summary.setting.title': 'Automatic summaries',
  'summary.setting.label': 'Show automatic summaries on our articles',
  'summary.setting.help':
    'Off: article pages show no automatic summary. Opinion, interviews, photo stories and short articles never get one.',
  'summary.setting.save': 'Save summary setting',
  'summary.setting.on': 'Now: automatic summaries are shown.',
  'summary.setting.off': 'Now: automatic summaries are not shown.',
  'summary.setting.saved': 'Summary setting saved.',
} satisfies Messages;
