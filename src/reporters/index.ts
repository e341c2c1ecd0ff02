// The reporters capability's public API: who a reporter is and which articles they wrote.
export {
  findReporter,
  pressReporters,
  type Reporter,
  reporterArticleIds,
  reportersByIds,
  reportersOfArticle,
  reporterTimeline,
} from './store.ts';
export { existingReportersOf, linkArticleReporters } from './link.ts';
