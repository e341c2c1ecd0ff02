// A capability written the way a newcomer would add one: this folder and one line in the list of
// capabilities. It brings a route, a job that follows every article change, a command, an
// article-page slot and a stylesheet, and nothing outside this folder knows about it.
import { h } from 'preact';
import { z } from 'zod';
import { type Capability, defineJob } from '../../src/capability.ts';
import { articleChangedPayload } from '../../src/jobs/article-changed.ts';

/** What the job saw, per process: enough for the test to observe that it ran. */
export const seen = new Set<number>();

const countWords = defineJob({
  kind: 'example.count-words',
  payload: articleChangedPayload,
  run: async ({ articleId }) => {
    seen.add(articleId);
  },
});

export const exampleCapability: Capability = {
  name: 'example',
  routes(app) {
    app.get('/example/ping', async () => ({ pong: true, seen: seen.size }));
  },
  jobs: [countWords],
  onArticleChanged: [countWords.kind],
  commands: {
    'example hello': {
      usage: 'example hello',
      summary: 'Says hello.',
      run: async (ctx) => ctx.print('hello'),
    },
  },
  slots: {
    articleSection: async (_deps, article, page) =>
      h(
        'section',
        { class: 'example-slot', 'data-article': String(article.id), lang: page.locale },
        'example slot',
      ) as never,
  },
  staffNav: [{ href: '/studio/example', label: 'studio.nav.presses', roles: ['admin'] }],
  uncachedPaths: ['/example/'],
  assets: { dir: new URL('./static/', import.meta.url), stylesheets: ['example.css'] },
};

export const examplePayloadSchema = z.object({ articleId: z.number() });
