// The web capability: serves the shared static files (CSS, client islands, icons, demo photos)
// and every capability's own (manifest `assets`).
// Layout, i18n and error pages are libraries other capabilities import.
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Capability } from '../capability.ts';
import { STATIC_DIR, STATIC_PREFIX } from './assets.ts';

const YEAR_S = 365 * 24 * 3600;

// URLs made by assetUrl() carry ?v=<content hash>, so those may be cached for good; anything else
// under /static (e.g. photo URLs stored in articles) gets a day.
function cacheHeaders(res: ServerResponse): void {
  const versioned = /[?&]v=/.test(res.req?.url ?? '');
  res.setHeader('cache-control', versioned ? `public, max-age=${YEAR_S}, immutable` : 'public, max-age=86400');
}

export const webCapability: Capability = {
  name: 'web',
  async routes(app, deps) {
    // The site's files, then each capability's own folder under /static/<capability>/.
    for (const { dir, prefix } of [{ dir: STATIC_DIR, prefix: STATIC_PREFIX }, ...deps.registry.assets]) {
      await app.register(fastifyStatic, {
        root: dir,
        prefix,
        decorateReply: false,
        cacheControl: false,
        index: false,
        // The plugin passes the raw ServerResponse (typed narrower), whose .req has the query string.
        setHeaders: (res) => cacheHeaders(res as unknown as ServerResponse),
      });
    }
    // Browsers, feed readers and bookmark tools ask for /favicon.ico whatever the page links; a
    // real ICO (16, 32 and 48 px, drawn from favicon.svg) answers them instead of a 404.
    const favicon = fs.readFileSync(`${STATIC_DIR}favicon.ico`);
    app.get('/favicon.ico', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('image/x-icon').send(favicon),
    );
  },
};
