// Child of hardening.test.ts: parses a generated feed of N items with the poller's 500-item cap
// inside a small heap (--max-old-space-size), and prints how many items came out.
import { parseFeedText } from './parse-feed.ts';

const n = Number(process.argv[2] ?? 100_000);
const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>큰 피드</title>'];
for (let i = 0; i < n; i++)
  parts.push(`<item><guid>g${i}</guid><title>기사 ${i}</title><description>짧은 본문 ${i}</description></item>`);
parts.push('</channel></rss>');
const text = parts.join('\n');
const feed = parseFeedText(text, { maxItems: 500 });
process.stdout.write(
  JSON.stringify({
    bytes: Buffer.byteLength(text),
    items: feed.items.length,
    first: feed.items[0]?.id,
    last: feed.items.at(-1)?.id,
  }),
);
