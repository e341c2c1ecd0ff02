// The demo capability's public API: the bundled fictional articles (the issues capability builds
// its document-frequency prior from them).
export { type DemoArticleFile, loadDemoArticles } from './seed.ts';
