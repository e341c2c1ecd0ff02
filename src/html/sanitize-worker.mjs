// Worker-thread entry for the sanitiser pool (sanitize-pool.ts). Plain JavaScript so that it
// starts the same under vitest, under `node --import tsx` and from compiled output: it loads
// the sanitiser as compiled JavaScript when there is some, else as TypeScript through tsx.
import { threadId } from 'node:worker_threads';

async function loadSanitizer() {
  try {
    return await import(new URL('./sanitize-body.js', import.meta.url).href);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
  // No compiled output: this is a TypeScript checkout. Loader hooks of the parent (tsx from
  // `--import tsx`, vitest's transform) do not reach a worker thread, so register tsx here.
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('./sanitize-body.ts', import.meta.url).href);
}

const { sanitizeBody } = await loadSanitizer();

/** @param {{ html: string }} task */
export default function sanitizeTask({ html }) {
  return { ...sanitizeBody(html), threadId };
}
