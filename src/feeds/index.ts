// The feeds capability's public API. (Feed links for a page are the kernel's: src/web/feed-links.ts.)
export { sendFeed } from './publish/routes.ts';
export type { FeedFormat } from './publish/feed-document.ts';
export type { FeedScope } from './publish/feed-query.ts';
