// The summary capability's public API: the press's on/off switch (the studio shows and sets it).
export { pressSummariesEnabled, setPressSummaries } from './store.ts';
