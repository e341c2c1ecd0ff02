// /articles/:id/revisions: every version the press delivered, newest first, each under its own
// heading with its time, and a word-level diff of headline and body against the version before.
// Insertions and deletions are <ins>/<del> with visually-hidden labels ("추가됨", "삭제됨"),
// because screen readers do not announce those elements by themselves.
import { dateTime, isoTime } from '../../web/format.ts';
import { translator, type Translate } from '../../web/i18n/index.ts';
import { Layout } from '../../web/layout.tsx';
import { contentLang, frameOf, pressName, uiLang, type PageContext } from '../../web/page-context.ts';
import type { DiffPart } from '../revision-diff.ts';

export interface RevisionView {
  revision: number;
  at: number;
  withdrawn: boolean;
  headline: string;
  /** Against the previous revision; null for the first, or when the text changed too much to diff. */
  headlineDiff: DiffPart[] | null;
  bodyDiff: DiffPart[] | null;
  bodyText: string;
}

export interface RevisionsPageProps {
  ctx: PageContext;
  article: {
    id: number;
    headline: string;
    lang: string;
    press: { slug: string; name: string; nameEn?: string | null };
  };
  /** Newest first. */
  revisions: RevisionView[];
  /** Revisions there are in all (the page may show only the newest ones). */
  total: number;
}

/** Unchanged stretches longer than this are cut to their ends, so the changes stand out. */
const CONTEXT_CHARS = 160;

function trimSame(text: string, position: 'first' | 'middle' | 'last'): { head: string; cut: boolean; tail: string } {
  if (text.length <= CONTEXT_CHARS * 2 + 20) return { head: text, cut: false, tail: '' };
  if (position === 'first') return { head: '', cut: true, tail: text.slice(-CONTEXT_CHARS) };
  if (position === 'last') return { head: text.slice(0, CONTEXT_CHARS), cut: true, tail: '' };
  return { head: text.slice(0, CONTEXT_CHARS), cut: true, tail: text.slice(-CONTEXT_CHARS) };
}

function Diff({ tr, parts, ui, trim }: { tr: Translate; parts: DiffPart[]; ui: string | undefined; trim: boolean }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'added') {
          return (
            <ins>
              <span class="visually-hidden" lang={ui}>
                [{tr('articles.revisions.added')}]{' '}
              </span>
              {p.text}
              <span class="visually-hidden" lang={ui}>
                {' '}
                [{tr('articles.revisions.added-end')}]
              </span>
            </ins>
          );
        }
        if (p.kind === 'removed') {
          return (
            <del>
              <span class="visually-hidden" lang={ui}>
                [{tr('articles.revisions.removed')}]{' '}
              </span>
              {p.text}
              <span class="visually-hidden" lang={ui}>
                {' '}
                [{tr('articles.revisions.removed-end')}]
              </span>
            </del>
          );
        }
        if (!trim) return <>{p.text}</>;
        const position = i === 0 ? 'first' : i === parts.length - 1 ? 'last' : 'middle';
        const { head, cut, tail } = trimSame(p.text, position);
        return (
          <>
            {head}
            {cut ? (
              <span class="revision-diff__cut" lang={ui}>
                <span aria-hidden="true"> … </span>
                <span class="visually-hidden">{tr('articles.revisions.cut')}</span>
              </span>
            ) : null}
            {tail}
          </>
        );
      })}
    </>
  );
}

const changed = (parts: DiffPart[] | null) => parts === null || parts.some((p) => p.kind !== 'same');

function Revision({ ctx, r, lang }: { ctx: PageContext; r: RevisionView; lang: string }) {
  const tr = translator(ctx.locale);
  const ui = uiLang(ctx.locale, lang);
  const first = r.revision === 1;
  const id = `revision-${r.revision}`;
  return (
    <section class="revision-entry" aria-labelledby={id}>
      <h2 id={id} class="revision-entry__title" lang={ui}>
        {first
          ? tr('articles.revisions.first', { n: r.revision })
          : tr('articles.revisions.numbered', { n: r.revision })}
        <span aria-hidden="true"> · </span>
        <time dateTime={isoTime(r.at)}>{dateTime(ctx.locale, r.at)}</time>
      </h2>
      {r.withdrawn ? <p lang={ui}>{tr('articles.revisions.withdrawn')}</p> : null}
      {first ? (
        <p class="revision-entry__headline">{r.headline}</p>
      ) : (
        <>
          <h3 class="revision-entry__part" lang={ui}>
            {tr('articles.revisions.headline')}
          </h3>
          {changed(r.headlineDiff) && r.headlineDiff ? (
            <p class="revision-diff">
              <Diff tr={tr} parts={r.headlineDiff} ui={ui} trim={false} />
            </p>
          ) : (
            <p class="revision-entry__unchanged">
              <span class="visually-hidden" lang={ui}>
                {tr('articles.revisions.unchanged')}:{' '}
              </span>
              {r.headline}
            </p>
          )}
          <h3 class="revision-entry__part" lang={ui}>
            {tr('articles.revisions.body')}
          </h3>
          {r.bodyDiff === null ? (
            <>
              <p lang={ui}>{tr('articles.revisions.rewritten')}</p>
              <div class="revision-diff revision-diff--body">{r.bodyText}</div>
            </>
          ) : changed(r.bodyDiff) ? (
            <div class="revision-diff revision-diff--body">
              <Diff tr={tr} parts={r.bodyDiff} ui={ui} trim />
            </div>
          ) : (
            <p class="revision-entry__unchanged" lang={ui}>
              {tr('articles.revisions.body-unchanged')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function RevisionsPage({ ctx, article, revisions, total }: RevisionsPageProps) {
  const tr = translator(ctx.locale);
  const ui = uiLang(ctx.locale, article.lang);
  const corrections = Math.max(0, total - 1);
  return (
    <Layout
      {...frameOf(ctx)}
      meta={{
        title: tr('articles.revisions.title', { headline: article.headline }),
        canonical: `${ctx.publicUrl}/articles/${article.id}/revisions`,
        robots: 'noindex',
      }}
    >
      <article class="revisions" lang={contentLang(ctx.locale, article.lang)} aria-labelledby="revisions-title">
        <p lang={ui}>
          <a class="back-link" href={`/articles/${article.id}`}>
            <span aria-hidden="true">← </span>
            {tr('articles.revisions.back')}
          </a>
        </p>
        <h1 id="revisions-title" class="revisions__title">
          <span lang={ui}>{tr('articles.revisions.heading')}</span> {article.headline}
        </h1>
        <p class="revisions__lead" lang={ui}>
          {corrections
            ? tr('articles.revisions.lead', { press: pressName(ctx.locale, article.press), n: corrections })
            : tr('articles.revisions.none', { press: pressName(ctx.locale, article.press) })}
        </p>
        {revisions.length < total ? (
          <p class="revisions__lead" lang={ui}>
            {tr('articles.revisions.only-newest', { n: revisions.length })}
          </p>
        ) : null}
        <p class="revisions__legend" lang={ui}>
          <ins>{tr('articles.revisions.legend-added')}</ins> <del>{tr('articles.revisions.legend-removed')}</del>
        </p>
        {revisions.map((r) => (
          <Revision ctx={ctx} r={r} lang={article.lang} />
        ))}
      </article>
    </Layout>
  );
}
