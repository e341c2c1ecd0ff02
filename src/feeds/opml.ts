// OPML import: each feed outline becomes a feed of a press, creating the press when needed.
// The press is named by a `press="<slug>"` attribute on the outline or its folder; otherwise by
// the feed's site host ("www.hanbit-daily.example" → "hanbit-daily-example").
import { ensureFeedPress } from '../press/index.ts';
import { parseOpml } from 'feedsmith';
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import { parseFeedUrl } from './fetch/safe-fetch.ts';
import { guardXml } from './parse/xml-guard.ts';
import { addFeed } from './store.ts';

export interface PlannedFeed {
  pressSlug: string;
  pressName: string;
  homepage?: string;
  url: string;
}

type Outline = {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  press?: string;
  outlines?: Outline[];
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugFromHost(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  return (
    host
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'press'
  );
}

export function planOpmlImport(text: string): PlannedFeed[] {
  guardXml(text);
  let doc;
  try {
    doc = parseOpml(text, { extraOutlineAttributes: ['press'] });
  } catch (err) {
    throw Errors.invalidOpml((err as Error).message);
  }
  const out: PlannedFeed[] = [];
  const walk = (outlines: Outline[] | undefined, folder?: Outline) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl) {
        const url = parseFeedUrl(o.xmlUrl.trim()).href;
        const homepage = o.htmlUrl?.trim() || undefined;
        const explicit = (o.press ?? folder?.press)?.trim().toLowerCase();
        const pressSlug = explicit && SLUG.test(explicit) ? explicit : slugFromHost(homepage ?? url);
        const pressName =
          (o.press
            ? (o.title ?? o.text)
            : folder?.press
              ? (folder.title ?? folder.text)
              : (o.title ?? o.text)
          )?.trim() || pressSlug;
        out.push({ pressSlug, pressName, ...(homepage ? { homepage } : {}), url });
      }
      if (o.outlines) walk(o.outlines, o.press ? o : folder);
    }
  };
  walk(doc.body?.outlines as Outline[] | undefined);
  return out;
}

export interface ImportSummary {
  pressesCreated: string[];
  feedsCreated: number;
  feedsExisting: number;
}

export async function importOpml(deps: AppDeps, text: string, now = Date.now()): Promise<ImportSummary> {
  const plan = planOpmlImport(text);
  const summary: ImportSummary = { pressesCreated: [], feedsCreated: 0, feedsExisting: 0 };
  for (const p of plan) {
    const press = await ensureFeedPress(deps.db, { slug: p.pressSlug, name: p.pressName, homepage: p.homepage }, now);
    if (press.created) summary.pressesCreated.push(p.pressSlug);
    const { created } = await addFeed(deps.db, {
      pressId: press.id,
      url: p.url,
      intervalSeconds: deps.config.feedsIntervalSeconds,
      now,
    });
    if (created) summary.feedsCreated++;
    else summary.feedsExisting++;
  }
  return summary;
}
