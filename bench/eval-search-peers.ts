// The in-memory search libraries people reach for in Node, each with its default configuration and
// its best documented setting for CJK text, run over the same KorQuAD corpus as Sosik.
import { performance } from 'node:perf_hooks';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Corpus, SystemResult } from './eval-search-types.ts';

const koSegmenter = new Intl.Segmenter('ko', { granularity: 'word' });
/** Dictionary-free word segmentation from ICU, what Orama's CJK tokenizers are built on. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of koSegmenter.segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

interface Peer {
  name: string;
  run(corpus: Corpus): Promise<SystemResult>;
}

async function measure(
  name: string,
  corpus: Corpus,
  search: (q: string) => Promise<number[]> | number[],
): Promise<SystemResult> {
  const result: SystemResult = { name, ranks: [], latenciesMs: [] };
  for (const q of corpus.questions) {
    const t0 = performance.now();
    const ids = await search(q.question);
    result.latenciesMs.push(performance.now() - t0);
    result.ranks.push(ids.slice(0, 10).indexOf(q.paragraph));
  }
  return result;
}

function miniSearch(label: string, options: Partial<ConstructorParameters<typeof MiniSearch>[0]>): Peer {
  return {
    name: `MiniSearch 7 ${label}`,
    run(corpus) {
      const ms = new MiniSearch({ fields: ['title', 'text'], ...options });
      ms.addAll(corpus.paragraphs.map((p, id) => ({ id, title: p.title, text: p.context })));
      return measure(this.name, corpus, (q) => ms.search(q).map((r) => r.id as number));
    },
  };
}

function flexSearch(label: string, options: Record<string, unknown>, searchOptions: Record<string, unknown>): Peer {
  return {
    name: `FlexSearch 0.8 ${label}`,
    run(corpus) {
      const index = new FlexSearch.Index(options);
      corpus.paragraphs.forEach((p, id) => index.add(id, `${p.title} ${p.context}`));
      return measure(this.name, corpus, (q) => index.search(q, { limit: 10, ...searchOptions }) as number[]);
    },
  };
}

function orama(label: string, tokenizer?: (text: string) => string[]): Peer {
  return {
    name: `Orama 3 ${label}`,
    async run(corpus) {
      const db = create({
        schema: { title: 'string', text: 'string' } as const,
        ...(tokenizer
          ? {
              components: {
                tokenizer: {
                  language: 'english',
                  normalizationCache: new Map(),
                  tokenize: (raw: string) => tokenizer(raw),
                },
              },
            }
          : {}),
      });
      await insertMultiple(
        db,
        corpus.paragraphs.map((p, id) => ({ id: String(id), title: p.title, text: p.context })),
      );
      return measure(this.name, corpus, async (q) => {
        const r = await oramaSearch(db, { term: q, limit: 10 });
        return r.hits.map((h) => Number(h.id));
      });
    },
  };
}

export function peerSystems(): Peer[] {
  return [
    miniSearch('default', {}),
    miniSearch('+ Intl.Segmenter(ko) words', { tokenize: segmentWords }),
    flexSearch('default', {}, {}),
    flexSearch('default + suggest', {}, { suggest: true }),
    flexSearch('Charset.CJK + suggest', { encoder: FlexSearch.Charset.CJK }, { suggest: true }),
    orama('default', undefined),
    orama('+ Intl.Segmenter(ko) tokenizer', segmentWords),
  ];
}
