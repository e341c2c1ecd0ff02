// Synthetic Korean news for the issues benchmark: stories (events) with their own key nouns, told by
// many presses over hours to days, over a background of everyday news vocabulary and particles.
// Deterministic for a seed; fast enough to generate a million articles inside the benchmark.
import { seededRandom } from './eval-issues-metrics.ts';

const SYLLABLES = [
  ...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히강남동령명병성영정청한경민선진현원혁준석철',
];
const PARTICLES = [
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '으로',
  '와',
  '과',
  '도',
  '까지',
  '부터',
  '',
];
const ENDINGS = ['했다', '밝혔다', '전했다', '예정이다', '나섰다', '있다', '된다'];

export interface SyntheticArticle {
  headline: string;
  body: string;
  press: number;
  time: number;
  story: number;
}

function word(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return w;
}

export interface GeneratorOptions {
  seed?: number;
  /** Articles per simulated day (Naver clusters about 25,000). */
  perDay?: number;
  presses?: number;
  start?: number;
}

/** An endless stream of articles in time order. */
export function* syntheticArticles(opts: GeneratorOptions = {}): Generator<SyntheticArticle> {
  const rnd = seededRandom(opts.seed ?? 7);
  const perDay = opts.perDay ?? 25_000;
  const presses = opts.presses ?? 60;
  const gap = 86_400_000 / perDay;
  const common = Array.from({ length: 6000 }, () => word(rnd, 2, 4));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const skewed = () => common[Math.floor(common.length * rnd() * rnd())]!;
  interface Story {
    id: number;
    keys: string[];
    until: number;
  }
  const live: Story[] = [];
  let nextStory = 0;
  let time = opts.start ?? Date.UTC(2025, 0, 1);
  for (;;) {
    time += gap * (0.5 + rnd());
    for (let i = live.length - 1; i >= 0; i--) if (live[i]!.until < time) live.splice(i, 1);
    // About one article in six starts a new story; the rest continue a live one (big ones more often).
    let story: Story;
    if (live.length < 5 || rnd() < 0.17) {
      story = {
        id: nextStory++,
        keys: Array.from({ length: 8 }, () => word(rnd, 2, 4)),
        until: time + 3_600_000 * (2 + rnd() * rnd() * 70),
      };
      live.push(story);
    } else {
      story = live[Math.floor(live.length * rnd() ** 1.5)]!;
    }
    const sentence = (keyShare: number) => {
      const n = 6 + Math.floor(rnd() * 8);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push((rnd() < keyShare ? pick(story.keys) : skewed()) + pick(PARTICLES));
      return ws.join(' ') + ' ' + pick(ENDINGS) + '.';
    };
    const headline = Array.from({ length: 5 + Math.floor(rnd() * 4) }, (_, i) =>
      i < 3 ? pick(story.keys) : skewed(),
    ).join(' ');
    const body = Array.from({ length: 12 + Math.floor(rnd() * 13) }, () => sentence(0.3)).join(' ');
    yield { headline, body, press: Math.floor(rnd() * presses), time, story: story.id };
  }
}
