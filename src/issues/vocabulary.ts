// Term ids and document frequencies, kept up to date one article at a time (incremental IDF).
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private df = new Float64Array(1024);
  docs = 0;

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
        const grown = new Float64Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
      }
    }
    return id;
  }

  /** Counts one more document containing the term and returns its id. */
  addDocTerm(term: string): number {
    const id = this.intern(term);
    this.df[id]!++;
    return id;
  }

  setDf(term: string, df: number): void {
    this.df[this.intern(term)] = df;
  }

  dfOf(id: number): number {
    return this.df[id] ?? 0;
  }

  /** Smoothed IDF: never negative, and a term seen in every document still weighs a little. */
  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 0.5));
  }
}
