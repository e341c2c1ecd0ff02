// The feeds capability's public API. (Feed links for a page are the kernel's: src/web/feed-links.ts.)
export {};
