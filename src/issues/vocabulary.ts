// Term ids and document frequencies, kept up to date one article at a time (incremental IDF).
// log(df) is cached per term so an IDF costs one subtraction, not a logarithm.
// An optional prior (df-prior.ts) adds pseudo-documents to every count, so a new portal's first
// articles are weighed as if it had read some news already; its share fades as real counts grow.
export interface DfPrior {
  /** Pseudo-documents the prior stands for. */
  docs: number;
  /** Term → pseudo-documents containing it. */
  df: ReadonlyMap<string, number>;
  /**
   * Pseudo-documents written in Latin script. A Latin word is judged against these only: Korean
   * text says nothing about how common an English word is, and counting it would make every
   * English word look rare on an English-only portal.
   */
  latinDocs: number;
}

const NO_PRIOR: DfPrior = { docs: 0, df: new Map(), latinDocs: 0 };

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private df: Float64Array = new Float64Array(1024);
  private logDf: Float64Array = new Float64Array(1024);
  private priorDf: Float64Array = new Float64Array(1024);
  /** 1 for terms the similarity ignores (their idf reads 0) while other uses read their rawIdf. */
  private muted: Uint8Array = new Uint8Array(1024);
  /** 1 for Latin-script terms, whose IDF counts only the prior's Latin pseudo-documents. */
  private latin: Uint8Array = new Uint8Array(1024);
  private docCount = 0;
  private logDocs = 0;
  private logLatinDocs = 0;
  /** log N per script, indexed by `latin[id]`. */
  private logDocsBy = new Float64Array(2);

  constructor(
    private readonly prior: DfPrior = NO_PRIOR,
    private readonly isMuted: (term: string) => boolean = () => false,
    private readonly isLatin: (term: string) => boolean = () => false,
  ) {
    this.docs = 0;
  }

  get docs(): number {
    return this.docCount;
  }

  set docs(n: number) {
    this.docCount = n;
    this.logDocs = Math.log(n + this.prior.docs + 1);
    this.logLatinDocs = Math.log(n + this.prior.latinDocs + 1);
    this.logDocsBy[0] = this.logDocs;
    this.logDocsBy[1] = this.logLatinDocs;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  get size(): number {
    return this.terms.length;
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.df.length) {
        this.df = grow(this.df);
        this.logDf = grow(this.logDf);
        this.priorDf = grow(this.priorDf);
        const muted = new Uint8Array(this.muted.length * 2);
        muted.set(this.muted);
        this.muted = muted;
        const latin = new Uint8Array(this.latin.length * 2);
        latin.set(this.latin);
        this.latin = latin;
      }
      this.muted[id] = this.isMuted(term) ? 1 : 0;
      this.latin[id] = this.isLatin(term) ? 1 : 0;
      this.priorDf[id] = this.prior.df.get(term) ?? 0;
      this.logDf[id] = Math.log(this.priorDf[id]! + 0.5);
    }
    return id;
  }

  /** Counts one more document containing the term and returns its id. */
  addDocTerm(term: string): number {
    const id = this.intern(term);
    this.setDfOf(id, this.df[id]! + 1);
    return id;
  }

  setDf(term: string, df: number): void {
    this.setDfOf(this.intern(term), df);
  }

  private setDfOf(id: number, df: number): void {
    this.df[id] = df;
    this.logDf[id] = Math.log(df + this.priorDf[id]! + 0.5);
  }

  dfOf(id: number): number {
    return this.df[id] ?? 0;
  }

  /** Smoothed IDF, log((N+1)/(df+0.5)) with the prior's pseudo-documents in N and df: never negative, and a term in every document still weighs a little. */
  idf(id: number): number {
    return this.muted[id] ? 0 : this.logDocsBy[this.latin[id]!]! - this.logDf[id]!;
  }

  /** The IDF whether or not the term is muted. */
  rawIdf(id: number): number {
    return this.logDocsBy[this.latin[id]!]! - this.logDf[id]!;
  }

  isMutedId(id: number): boolean {
    return this.muted[id] === 1;
  }
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
