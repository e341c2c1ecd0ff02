// The search capability's public API: so far only the one-line progress bar of its long CLI work,
// which other capabilities' bulk commands (sosik import) share.
export { progressBar } from './progress-bar.ts';
