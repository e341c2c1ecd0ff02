// Maps one ninjs item (2.x or 3.x) onto ArticleInput. Validation failures carry field paths;
// item types that are not articles are refused with a clear reason.
import type { ArticleInput, Byline, PhotoInput, SubjectRef } from '../../articles/index.ts';
import { Errors, type FieldIssue } from '../../errors.ts';
import { lowerCaseKeys } from './keys.ts';
import { ninjsItemSchema, type NinjsAssociation, type NinjsItem, type NinjsRendition } from './schema.ts';

const ARTICLE_TYPES = new Set(['text', 'composite']);

/** Validates and maps a parsed JSON body. Throws AppError (400/422) with field paths. */
export function ninjsToArticle(body: unknown): ArticleInput {
  if (Array.isArray(body)) {
    throw Errors.validation([{ path: '', message: 'send one ninjs item per request, not an array' }]);
  }
  if (!body || typeof body !== 'object') {
    throw Errors.validation([{ path: '', message: 'expected a ninjs item (a JSON object)' }]);
  }
  const lowered = lowerCaseKeys(body) as Record<string, unknown>;
  const type = inferType(lowered);
  if (!ARTICLE_TYPES.has(type)) throw Errors.unsupportedType(type);

  const parsed = ninjsItemSchema.safeParse(lowered);
  if (!parsed.success) {
    throw Errors.validation(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return mapItem(parsed.data);
}

function inferType(item: Record<string, unknown>): string {
  if (typeof item.type === 'string' && item.type) return item.type;
  // ninjs leaves `type` optional; an item describing an event or a planning is not an article.
  if ('eventdetails' in item) return 'event';
  if ('plannedcoverage' in item) return 'planning';
  return 'text';
}

function mapItem(item: NinjsItem): ArticleInput {
  const issues: FieldIssue[] = [];
  const headline = pickHeadline(item);
  if (!headline)
    issues.push({ path: 'headlines', message: 'an article needs a headline (headlines[role=main] or headline)' });
  const bodyHtml = pickBodyHtml(item);
  if (!bodyHtml)
    issues.push({ path: 'bodies', message: 'an article needs a body (bodies, body_html, body_text or descriptions)' });
  if (issues.length) throw Errors.validation(issues);

  return {
    uri: item.uri,
    headline: headline!,
    subheadline: pickByRole(item.headlines, ['sub', 'subheadline', 'subtitle']) ?? nonEmpty(item.subheadline),
    series: nonEmpty(item.series) ?? nonEmpty(item.slugline),
    bodyHtml: bodyHtml!,
    lang: normaliseLang(item.language),
    bylines: pickBylines(item),
    subjects: (item.subjects ?? []).map((s): SubjectRef => ({ code: s.code ?? s.literal, name: s.name, uri: s.uri })),
    keywords: (item.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    photos: pickPhotos(item),
    copyright: nonEmpty(item.copyrightnotice) ?? (item.copyrightholder ? `ⓒ ${item.copyrightholder}` : undefined),
    link: httpUrl(item.link),
    firstCreated: toMs(item.firstcreated),
    versionCreated: toMs(item.versioncreated),
    pubstatus: item.pubstatus ?? 'usable',
    ...(item.urgency !== undefined ? { urgency: item.urgency } : {}),
    ...genresOf(item),
  };
}

/** ninjs genres (Opinion, Interview…) by name and code: the summary leaves opinion and interviews alone. */
function genresOf(item: NinjsItem): { genres?: string[] } {
  const genres = (item.genre ?? [])
    .flatMap((g) => [g.name, g.code?.replace(/^.*[:/]/, '')])
    .map((s) => s?.trim())
    .filter((s): s is string => !!s);
  return genres.length ? { genres } : {};
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function toMs(s: string | undefined): number | undefined {
  return s ? Date.parse(s) : undefined;
}

function normaliseLang(lang: string | undefined): string {
  const l = lang?.trim();
  return l && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l) ? l : 'ko';
}

function pickByRole(list: Array<{ role?: string; value: string }> | undefined, roles: string[]): string | undefined {
  const hit = list?.find((h) => h.role && roles.includes(h.role.toLowerCase()));
  return nonEmpty(hit?.value);
}

function pickHeadline(item: NinjsItem): string | undefined {
  return (
    nonEmpty(item.headline) ??
    pickByRole(item.headlines, ['main', 'headline']) ??
    nonEmpty(item.headlines?.find((h) => !h.role)?.value) ??
    nonEmpty(item.headlines?.[0]?.value) ??
    nonEmpty(item.title)
  );
}

const isHtml = (ct: string | undefined) => !!ct && /html/i.test(ct);

function pickBodyHtml(item: NinjsItem): string | undefined {
  const bodies = item.bodies ?? [];
  const html = bodies.find((b) => isHtml(b.contenttype) || ['html', 'xhtml'].includes(b.role ?? ''));
  if (html && html.value.trim()) return html.value;
  if (item.body_html?.trim()) return item.body_html;
  const plain = bodies.find((b) => !b.role || ['text', 'main', 'body'].includes(b.role)) ?? bodies[0];
  if (plain && plain.value.trim()) return textToHtml(plain.value);
  if (item.body_text?.trim()) return textToHtml(item.body_text);
  const desc = pickByRole(item.descriptions, ['text', 'summary', 'abstract']) ?? nonEmpty(item.description_text);
  return desc ? textToHtml(desc) : undefined;
}

/** Plain text → paragraphs: blank lines separate paragraphs; lone newlines become <br>. */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n+/) : normalised.split('\n');
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => `<p>${escape(b).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

function pickBylines(item: NinjsItem): Byline[] {
  if (item.bylines?.length) {
    return item.bylines
      .map((b) => ({
        name: (b.byline ?? b.name ?? '').trim(),
        ref: nonEmpty(b.id),
        email: nonEmpty(b.email),
        role: nonEmpty(b.role),
      }))
      .filter((b) => b.name);
  }
  const authors = (item.people ?? []).filter((p) => p.name && /author|creator|byline/i.test(p.rel ?? ''));
  if (authors.length) {
    return authors.map((p) => ({
      name: p.name!,
      ref: nonEmpty(p.uri ?? p.literal),
      email: nonEmpty(p.contactinfo?.find((c) => /mail/i.test(c.type ?? '') || EMAIL.test(c.value ?? ''))?.value),
    }));
  }
  const by = nonEmpty(item.by);
  if (!by) return [];
  const email = by.match(EMAIL)?.[0];
  return [{ name: by.replace(EMAIL, '').trim(), ...(email ? { email } : {}) }];
}

function listOf<T>(v: T[] | Record<string, T> | undefined): Array<[string, T]> {
  if (!v) return [];
  return Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
}

function httpUrl(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const PREFERRED_RENDITIONS = ['original', 'main', 'baseimage', 'supplied', 'viewimage', 'preview'];

function pickRendition(renditions: NinjsAssociation['renditions']): NinjsRendition | undefined {
  const all = listOf(renditions)
    .map(([name, r]) => ({ ...r, name: (r.name ?? name).toLowerCase() }))
    .filter((r) => r.href && !/audio|video/i.test(r.contenttype ?? r.mimetype ?? ''));
  for (const n of PREFERRED_RENDITIONS) {
    const hit = all.find((r) => r.name === n);
    if (hit) return hit;
  }
  return all.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
}

function pickPhotos(item: NinjsItem): PhotoInput[] {
  const photos: PhotoInput[] = [];
  for (const [, assoc] of listOf(item.associations)) {
    const type = (assoc.type ?? 'picture').toLowerCase();
    if (!['picture', 'graphic', 'image'].includes(type)) continue;
    const rendition = pickRendition(assoc.renditions);
    const url =
      rendition?.href ?? (assoc.uri && /\.(jpe?g|png|gif|webp|svg)(\?|$)/i.test(assoc.uri) ? assoc.uri : undefined);
    if (!url) continue;
    const caption =
      pickByRole(assoc.descriptions, ['caption', 'text']) ??
      nonEmpty(assoc.description_text) ??
      nonEmpty(assoc.body_text);
    const credit =
      pickByRole(assoc.descriptions, ['creditline', 'credit']) ?? nonEmpty(assoc.by) ?? nonEmpty(assoc.copyrightholder);
    photos.push({
      url,
      width: rendition?.width || undefined,
      height: rendition?.height || undefined,
      caption,
      credit,
      alt: nonEmpty(assoc.headline) ?? pickByRole(assoc.headlines, ['main']) ?? caption,
    });
  }
  return photos;
}
