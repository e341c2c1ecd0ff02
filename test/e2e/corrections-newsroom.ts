// What the corrections, summary and 속보 browser suites add to the e2e app's database: a press,
// a long article (summarised by the real job), a corrected article and a breaking one, all through
// the real ingest path.
import pino from 'pino';
import { REGISTRY } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import { LONG_STORY, addPress, deliver, storyHtml } from '../helpers/newsroom.ts';
import type { E2E } from './harness.ts';

export interface CorrectionsNewsroom {
  deps: AppDeps;
  pressId: number;
  summarizedId: number;
  correctedId: number;
}

export const CORRECTED_FIGURE = { before: '31만t을', after: '29만t을' } as const;

export async function addCorrectionsNewsroom(e2e: E2E): Promise<CorrectionsNewsroom> {
  const config = loadConfig(
    {},
    { publicUrl: e2e.baseUrl, demo: false, workers: false, logLevel: 'silent', pageCacheSeconds: 0 },
  );
  const deps: AppDeps = {
    db: e2e.db,
    dialect: 'sqlite',
    config,
    log: pino({ level: 'silent' }),
    nudgeJobs: () => {},
    registry: REGISTRY,
  };
  const pressId = await addPress(deps, 'haeon-ilbo', '해온일보');
  const { id: summarizedId } = await deliver(deps, pressId, {
    uri: 'urn:e2e:summary',
    headline: '해온만 조력발전소 상업 운전 시작',
    body_html: storyHtml(),
  });
  const { id: correctedId } = await deliver(deps, pressId, {
    uri: 'urn:e2e:fix',
    headline: '조력발전소 첫 전력 생산',
    body_html: storyHtml(),
  });
  const fixed = LONG_STORY.map((p) => p.replace(CORRECTED_FIGURE.before, CORRECTED_FIGURE.after));
  await deliver(deps, pressId, {
    uri: 'urn:e2e:fix',
    headline: '조력발전소 상업 운전 시작',
    body_html: storyHtml(fixed),
  });
  await new JobWorker(deps).drain();
  return { deps, pressId, summarizedId, correctedId };
}

/** Delivers a breaking (urgency 1) article now; the app's banner shows it at once. */
export async function addBreaking(n: CorrectionsNewsroom, uri: string, headline: string): Promise<number> {
  const { id } = await deliver(n.deps, n.pressId, { uri, headline, body_html: storyHtml(), urgency: 1 });
  return id;
}
