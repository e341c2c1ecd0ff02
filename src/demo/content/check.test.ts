// Sanity checks for the demo content that seeds an empty Sosik database.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const photosDir = join(here, '../../web/static/demo/photos');
const CATEGORIES = ['politics', 'economy', 'society', 'life-culture', 'world', 'it-science', 'sports', 'entertainment'];

interface Press {
  slug: string;
  name: string;
  nameEn: string;
  homepage: string;
  description: string;
  descriptionEn: string;
  copyright: string;
}

const presses: Press[] = JSON.parse(readFileSync(join(here, 'presses.json'), 'utf8'));
const pressSlugs = new Set(presses.map((p) => p.slug));
const files = readdirSync(join(here, 'articles'))
  .filter((f) => f.endsWith('.json'))
  .sort();
// biome-ignore lint/suspicious/noExplicitAny: the test inspects untyped JSON content files
const articles: { file: string; data: any }[] = files.map((file) => {
  const text = readFileSync(join(here, 'articles', file), 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`);
  }
  return { file, data };
});

// biome-ignore lint/suspicious/noExplicitAny: the test inspects untyped JSON content files
function checkItem(file: string, item: any) {
  const where = `${file} ${item?.uri ?? ''}`;
  expect(typeof item.uri, where).toBe('string');
  expect(item.type, where).toBe('text');
  expect(['ko', 'en'], where).toContain(item.language);
  expect(item.pubstatus, where).toBe('usable');
  expect(item.headline?.length, where).toBeGreaterThan(5);
  expect(item.body_html, where).toMatch(/<p>/);
  expect(item.body_html, where).not.toMatch(/<script|javascript:/i);
  expect((item.body_html.match(/<p>/g) ?? []).length, where).toBeGreaterThanOrEqual(5);
  expect(Array.isArray(item.bylines) && item.bylines.length > 0, where).toBe(true);
  for (const b of item.bylines) {
    expect(b.byline, where).toBeTruthy();
    expect(b.email, where).toMatch(/^[\w.]+@[\w.-]+\.example$/);
  }
  expect(Array.isArray(item.subjects) && item.subjects.length >= 1 && item.subjects.length <= 2, where).toBe(true);
  for (const s of item.subjects) {
    expect(CATEGORIES, where).toContain(s.code);
    expect(s.name, where).toBeTruthy();
  }
  expect(Array.isArray(item.keywords), where).toBe(true);
  expect(item.keywords.length, where).toBeGreaterThanOrEqual(2);
  expect(item.keywords.length, where).toBeLessThanOrEqual(5);
  expect(item.copyrightnotice, where).toBeTruthy();
  for (const href of item.body_html.match(/href="[^"]*"/g) ?? [])
    expect(href, where).toMatch(/^href="https:\/\/[\w.-]+\.example(\/|")/);
  for (const [key, a] of Object.entries(item.associations ?? {})) {
    // biome-ignore lint/suspicious/noExplicitAny: the test inspects untyped JSON content files
    const pic = a as any;
    expect(pic.type, `${where} ${key}`).toBe('picture');
    expect(pic.headline && pic.description_text && pic.copyrightholder, `${where} ${key}`).toBeTruthy();
    const r = pic.renditions?.original;
    expect(r?.href, `${where} ${key}`).toMatch(/^\/static\/demo\/photos\/[\w-]+\.svg$/);
    expect(r.width, where).toBe(1200);
    expect(r.height, where).toBe(800);
    expect(r.contenttype, where).toBe('image/svg+xml');
    const file = join(photosDir, r.href.replace('/static/demo/photos/', ''));
    expect(existsSync(file), `${where}: missing photo ${r.href}`).toBe(true);
  }
}

describe('demo content', () => {
  it('has valid presses', () => {
    expect(presses.length).toBeGreaterThanOrEqual(6);
    expect(pressSlugs.size).toBe(presses.length);
    for (const p of presses) {
      for (const k of ['slug', 'name', 'nameEn', 'homepage', 'description', 'descriptionEn', 'copyright'] as const)
        expect(p[k], `${p.slug}.${k}`).toBeTruthy();
      expect(p.homepage).toMatch(/^https:\/\/[\w-]+\.example$/);
    }
  });

  it('has at least 60 well-formed articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(60);
    for (const { file, data } of articles) {
      expect(file).toMatch(/^\d{3}-[a-z0-9-]+\.json$/);
      expect(pressSlugs.has(data.press), `${file}: unknown press ${data.press}`).toBe(true);
      expect(typeof data.hoursAgo === 'number' && data.hoursAgo >= 0 && data.hoursAgo <= 24 * 14, file).toBe(true);
      checkItem(file, data.item);
      if (data.update) {
        expect(data.update.item.uri, file).toBe(data.item.uri);
        expect(data.update.hoursAgo, file).toBeLessThan(data.hoursAgo);
        expect(
          data.update.item.body_html === data.item.body_html && data.update.item.headline === data.item.headline,
          `${file}: update changes nothing`,
        ).toBe(false);
        checkItem(file, data.update.item);
      }
    }
  });

  it('uses unique uris', () => {
    const uris = articles.map((a) => a.data.item.uri);
    expect(new Set(uris).size).toBe(uris.length);
  });

  it('covers every category at least 5 times', () => {
    for (const c of CATEGORIES) {
      const n = articles.filter((a) => a.data.item.subjects.some((s: { code: string }) => s.code === c)).length;
      expect(n, c).toBeGreaterThanOrEqual(5);
    }
  });

  it('has at least 6 events covered by 3 or more presses', () => {
    const events = new Map<string, Set<string>>();
    for (const { data } of articles)
      if (data.event) events.set(data.event, (events.get(data.event) ?? new Set()).add(data.press));
    const big = [...events.values()].filter((s) => s.size >= 3);
    expect(big.length).toBeGreaterThanOrEqual(6);
  });

  it('has a few English articles and mostly illustrated articles', () => {
    const en = articles.filter((a) => a.data.item.language === 'en').length;
    expect(en).toBeGreaterThanOrEqual(4);
    const withPhoto = articles.filter((a) => Object.keys(a.data.item.associations ?? {}).length > 0).length;
    expect(withPhoto / articles.length).toBeGreaterThanOrEqual(0.6);
  });

  it('ships safe, self-contained SVG illustrations', () => {
    const svgs = readdirSync(photosDir).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(20);
    for (const f of svgs) {
      const s = readFileSync(join(photosDir, f), 'utf8');
      expect(s, f).toMatch(/^<svg [^>]*viewBox="0 0 1200 800"/);
      expect(s, f).not.toMatch(/<script|\son\w+=|https?:\/\/(?!www\.w3\.org)|<image|<foreignObject/i);
    }
  });
});
