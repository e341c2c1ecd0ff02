// The feeds capability's public API.
export { type AlternatePage, feedAlternates } from './publish/alternates.ts';
export { sendFeed } from './publish/routes.ts';
export type { FeedFormat } from './publish/feed-document.ts';
export type { FeedScope } from './publish/feed-query.ts';
