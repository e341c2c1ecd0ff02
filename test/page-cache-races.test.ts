// A page rendered while a change was announced may show the state before it: it is served to its
// own reader but never stored, nor shared with readers who arrived after the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../src/app.ts';
import type { Capability } from '../src/capability.ts';
import { assembleRegistry } from '../src/registry.ts';
import { cachePageTags, PageStore } from '../src/web/page-cache.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

let renders = 0;
const racing: Capability = {
  name: 'racing-test',
  routes(app, deps) {
    app.get<{ Querystring: { announce?: string } }>('/racing', async (request, reply) => {
      renders++;
      // Something it shows changes while it renders (another request's commit).
      if (request.query.announce) deps.changes?.announce([request.query.announce]);
      cachePageTags(reply, ['racing']);
      return reply.type('text/html; charset=utf-8').send(`<p>render ${renders}</p>`);
    });
  },
};

// Renders of /gated wait until the test lets them finish, one by one.
const gates: Array<() => void> = [];
let gatedRenders = 0;
const gated: Capability = {
  name: 'gated-test',
  routes(app) {
    app.get('/gated', async (_request, reply) => {
      const n = ++gatedRenders;
      await new Promise<void>((resolve) => gates.push(resolve));
      cachePageTags(reply, ['gated']);
      return reply.type('text/html; charset=utf-8').send(`<p>gated ${n}</p>`);
    });
  },
};

const settle = () => new Promise((r) => setImmediate(r));

describe('page cache and changes during a render', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 3600 }, assembleRegistry([...CAPABILITIES, racing, gated]));
  });
  afterAll(() => t.close());

  it('does not keep a page whose render overlapped a change, whatever the change named', async () => {
    const first = await t.app.inject('/racing?announce=unrelated');
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject('/racing?announce=unrelated');
    expect(second.headers['x-page-cache']).toBeUndefined();
    expect(second.body).not.toBe(first.body);
    // Without a change during the render, the page is kept.
    await t.app.inject('/racing');
    expect((await t.app.inject('/racing')).headers['x-page-cache']).toBe('hit');
  });

  it('after a change, newcomers start one fresh render; those who came before it share the earlier one', async () => {
    const a = t.app.inject('/gated');
    await settle();
    const waiting = [t.app.inject('/gated'), t.app.inject('/gated')];
    await settle();
    expect(gatedRenders).toBe(1);
    t.deps.changes!.announce(['gated']);
    const newcomer = t.app.inject('/gated');
    await settle();
    expect(gatedRenders).toBe(2);
    // The first render ends: it began after everything those two waiters could have seen, so it
    // answers them too, but a change landed meanwhile and it is not kept.
    gates.shift()!();
    const early = await Promise.all([a, ...waiting]);
    expect(early.map((r) => r.body)).toEqual(['<p>gated 1</p>', '<p>gated 1</p>', '<p>gated 1</p>']);
    expect(early.map((r) => r.headers['x-page-cache'])).toEqual([undefined, 'shared', 'shared']);
    gates.shift()!();
    expect((await newcomer).body).toBe('<p>gated 2</p>');
    const later = await t.app.inject('/gated');
    expect(later.headers['x-page-cache']).toBe('hit');
    expect(later.body).toBe('<p>gated 2</p>');
    expect(gatedRenders).toBe(2);
  });

  it('drops by tag, and untagged pages with any change', () => {
    const store = new PageStore(10);
    const entry = (tags: string[]) => ({
      body: Buffer.from(tags.join()),
      headers: {},
      etag: 'W/"x"',
      modifiedAt: 0,
      expires: Date.now() + 60_000,
      tags,
    });
    store.set('a', entry(['article:1', 'front']));
    store.set('b', entry(['issue:2']));
    store.set('c', entry(['*']));
    expect(store.invalidate(['issue:9'])).toBe(1); // only the untagged page
    expect(store.get('a', Date.now())).toBeDefined();
    expect(store.invalidate(['front'])).toBe(1);
    expect(store.get('a', Date.now())).toBeUndefined();
    expect(store.get('b', Date.now())).toBeDefined();
    store.set('d', entry(['x']));
    expect(store.invalidate(['*'])).toBe(2);
    expect(store.size).toBe(0);
    // The upper bound still applies.
    store.set('e', { ...entry(['y']), expires: Date.now() - 1 });
    expect(store.get('e', Date.now())).toBeUndefined();
  });
});
