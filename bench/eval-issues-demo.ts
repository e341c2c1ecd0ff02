// `npm run eval:issues-demo`: the cold-start evaluation. A newly started portal has no document
// frequencies of its own; this feeds the bundled demo content (src/demo/content, shipped with the
// project, so no ../shared data is needed) into an empty SQLite database one article at a time and
// scores the issues against the demo's own event labels (B-cubed), then lists every issue.
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { clusterDemo } from './demo-issues.ts';
import { bcubed } from './eval-issues-metrics.ts';

const handle = openDatabase({ sqlitePath: ':memory:' });
try {
  await migrateToLatest(handle);
  const { members } = await clusterDemo(handle, 'sqlite', Date.UTC(2026, 11, 1, 9));
  const all = bcubed(
    members.map((m) => m.label),
    members.map((m) => m.issueId),
  );
  const evented = members.filter((m) => m.label !== m.uri);
  const events = bcubed(
    evented.map((m) => m.label),
    evented.map((m) => m.issueId),
  );
  console.log('## Cold-start clustering of the demo content (empty SQLite, one article at a time)');
  console.log('| articles | P | R | F1 |');
  console.log('|---|---|---|---|');
  console.log(
    `| all ${members.length} (one-off articles are their own event) | ${all.p.toFixed(3)} | ${all.r.toFixed(3)} | **${all.f1.toFixed(3)}** |`,
  );
  console.log(
    `| the ${evented.length} articles of multi-press events only | ${events.p.toFixed(3)} | ${events.r.toFixed(3)} | ${events.f1.toFixed(3)} |`,
  );
  if (process.argv.includes('--list')) {
    const byIssue = new Map<number, typeof members>();
    for (const m of members) byIssue.set(m.issueId, [...(byIssue.get(m.issueId) ?? []), m]);
    for (const [id, ms] of [...byIssue].sort((a, b) => b[1].length - a[1].length)) {
      if (ms.length === 1 && ms[0]!.label === ms[0]!.uri) continue;
      console.log(`\nissue ${id} (${ms.length})`);
      for (const m of ms)
        console.log(`  ${m.label.padEnd(18).slice(0, 18)} ${m.language} ${m.press.padEnd(18)} ${m.headline}`);
    }
  }
} finally {
  await handle.close();
}
