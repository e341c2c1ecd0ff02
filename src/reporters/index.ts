// The reporters capability's public API: who a reporter is and which articles they wrote.
export { findReporter, type Reporter, reporterArticleIds, reportersByIds } from './store.ts';
