// An article as IPTC ninjs 2.x: what the press sent, normalised and sanitised.
import type { ArticleInput } from '../../articles/index.ts';

export interface StoredArticleView {
  id: number;
  uri: string;
  status: 'usable' | 'withdrawn';
  revision: number;
  firstCreatedAt: number;
  updatedAt: number;
  url: string;
  categories: Array<{ slug: string; name: string }>;
  /** The normalised input of the latest revision. */
  input: ArticleInput;
  pubstatus: string;
}

export function articleToNinjs(a: StoredArticleView): Record<string, unknown> {
  const i = a.input;
  const associations: Record<string, unknown> = {};
  i.photos.forEach((p, n) => {
    associations[`picture${n + 1}`] = {
      type: 'picture',
      ...(p.alt ? { headline: p.alt } : {}),
      ...(p.caption ? { description_text: p.caption, descriptions: [{ role: 'caption', value: p.caption }] } : {}),
      ...(p.credit ? { by: p.credit } : {}),
      renditions: {
        original: { href: p.url, ...(p.width ? { width: p.width } : {}), ...(p.height ? { height: p.height } : {}) },
      },
    };
  });
  return {
    uri: i.uri,
    standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#' },
    type: 'text',
    version: String(a.revision),
    firstcreated: new Date(a.firstCreatedAt).toISOString(),
    versioncreated: new Date(a.updatedAt).toISOString(),
    pubstatus: a.pubstatus,
    ...(i.urgency !== undefined ? { urgency: i.urgency } : {}),
    language: i.lang,
    headlines: [{ role: 'main', value: i.headline }, ...(i.subheadline ? [{ role: 'sub', value: i.subheadline }] : [])],
    ...(i.series ? { slugline: i.series } : {}),
    ...(i.bylines.length ? { by: i.bylines.map((b) => b.name).join(', ') } : {}),
    people: i.bylines.map((b) => ({
      name: b.name,
      rel: 'author',
      ...(b.email ? { contactinfo: [{ type: 'email', value: b.email }] } : {}),
    })),
    bodies: [{ role: 'main', contenttype: 'text/html', value: i.bodyHtml }],
    subjects: a.categories.map((c) => ({ name: c.name, literal: c.slug, rel: 'classifies' })),
    ...(i.keywords.length ? { keywords: i.keywords } : {}),
    ...(i.copyright ? { copyrightnotice: i.copyright } : {}),
    ...(Object.keys(associations).length ? { associations } : {}),
  };
}
