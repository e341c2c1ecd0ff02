// Term ids and document frequencies, kept up to date one article at a time (incremental IDF).
// log(df) is cached per term so an IDF costs one subtraction, not a logarithm.
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private df: Float64Array = new Float64Array(1024);
  private logDf: Float64Array = new Float64Array(1024);
  private docCount = 0;
  private logDocs = 0;

  get docs(): number {
    return this.docCount;
  }

  set docs(n: number) {
    this.docCount = n;
    this.logDocs = Math.log(n + 1);
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
      }
      this.logDf[id] = Math.log(0.5);
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
    this.logDf[id] = Math.log(df + 0.5);
  }

  dfOf(id: number): number {
    return this.df[id] ?? 0;
  }

  /** Smoothed IDF, log((N+1)/(df+0.5)): never negative, and a term in every document still weighs a little. */
  idf(id: number): number {
    return this.logDocs - this.logDf[id]!;
  }
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
