// The comments capability's public API: what other capabilities (rankings) may read of comments.
export { type CommentCount, mostCommentedSince } from './most-commented.ts';
