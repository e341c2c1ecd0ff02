// The feeds capability's public API.
export { type AlternatePage, feedAlternates } from './publish/alternates.ts';
