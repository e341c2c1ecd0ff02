// `node --import tsx bench/password-list.ts`: how long loading the common-password list holds the
// event loop, loaded the way src/readers/password-policy.ts does it (worker thread) versus the
// baseline of importing and normalising it on the main thread. Each run is a fresh child process
// (the list loads once per process); prints the median of BENCH_RUNS (default 7) runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function child(mode: 'worker' | 'main-thread'): Promise<void> {
  const { monitorEventLoopDelay, performance } = await import('node:perf_hooks');
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  let size: number;
  if (mode === 'worker') {
    const { loadCommonPasswords } = await import('../src/readers/password-policy.ts');
    size = (await loadCommonPasswords()).size;
  } else {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    size = new Set(dictionary['passwords-common'].map((p) => p.normalize('NFKC').toLowerCase())).size;
  }
  const elapsed = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 10)); // let the histogram see the last gap
  delay.disable();
  console.log(JSON.stringify({ elapsed, maxDelay: delay.max / 1e6, size }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (process.argv[2] === '--child') {
  await child(process.argv[3] as 'worker' | 'main-thread');
} else {
  for (const mode of ['main-thread', 'worker'] as const) {
    const runs = Array.from({ length: RUNS }, () => {
      const out = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', mode], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      return JSON.parse(out.stdout.trim().split('\n').pop()!) as { elapsed: number; maxDelay: number; size: number };
    });
    console.log(
      `${mode.padEnd(11)} load ${median(runs.map((r) => r.elapsed)).toFixed(1)} ms, longest event-loop stall ${median(runs.map((r) => r.maxDelay)).toFixed(1)} ms (median of ${RUNS}; ${runs[0]!.size} entries)`,
    );
  }
}
