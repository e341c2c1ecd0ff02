// Worker-thread entry for the job thread of `sosik serve` (job-thread-runner.ts). Plain JavaScript
// so that it starts the same from compiled output and from a TypeScript checkout: it loads the
// thread's body as compiled JavaScript when there is some, else as TypeScript through tsx (the
// parent's loader hooks do not reach a worker thread).
async function loadBody() {
  try {
    return await import(new URL('./job-thread-main.js', import.meta.url).href);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('./job-thread-main.ts', import.meta.url).href);
}

const { runJobThread } = await loadBody();
await runJobThread();
