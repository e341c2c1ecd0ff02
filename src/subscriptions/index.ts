// The subscriptions capability's public API: what a reader follows (for rankings that order by it).
export { listSubscriptions, type Subscription } from './store.ts';
export type { SubscriptionKind } from './tables.ts';
export { hiddenPressIds } from './store.ts';
export {
  type Candidate as SubscriptionCandidate,
  newestFor as subscriptionNewest,
  sourcesOf as subscriptionSources,
} from './sources.ts';
