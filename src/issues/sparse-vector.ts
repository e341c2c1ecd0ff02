// An immutable sparse vector as two parallel typed arrays sorted by term id. Centroids live in these:
// a tenth of the memory of a Map, nothing for the garbage collector to trace, and a dot product with
// a sorted document is one merge pass without hashing.
const NO_IDS = new Int32Array(0);
const NO_WEIGHTS = new Float64Array(0);
const GONE = 1e-9;

export class SparseVector implements Iterable<[number, number]> {
  constructor(
    readonly ids: Int32Array = NO_IDS,
    readonly ws: Float64Array = NO_WEIGHTS,
  ) {}

  static fromEntries(entries: Iterable<[number, number]>): SparseVector {
    const list = [...entries].sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(list.length);
    const ws = new Float64Array(list.length);
    list.forEach(([id, w], i) => {
      ids[i] = id;
      ws[i] = w;
    });
    return new SparseVector(ids, ws);
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: number): number | undefined {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid]!;
      if (v === id) return this.ws[mid];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  forEach(fn: (w: number, id: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) fn(this.ws[i]!, this.ids[i]!);
  }

  *[Symbol.iterator](): Iterator<[number, number]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i]!, this.ws[i]!];
  }

  /** this + scale·other; entries that fall to zero disappear. */
  plus(other: SparseVector, scale = 1): SparseVector {
    const a = this.ids;
    const b = other.ids;
    const ids = new Int32Array(a.length + b.length);
    const ws = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length || j < b.length) {
      let id: number;
      let w: number;
      if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
        id = a[i]!;
        w = this.ws[i++]!;
      } else if (i >= a.length || b[j]! < a[i]!) {
        id = b[j]!;
        w = scale * other.ws[j++]!;
      } else {
        id = a[i]!;
        w = this.ws[i++]! + scale * other.ws[j++]!;
      }
      if (w > GONE) {
        ids[n] = id;
        ws[n++] = w;
      }
    }
    return new SparseVector(ids.slice(0, n), ws.slice(0, n));
  }

  /** Only the entries whose ids are in `keep`. */
  filter(keep: ReadonlySet<number>): SparseVector {
    const ids: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      if (keep.has(this.ids[i]!)) {
        ids.push(this.ids[i]!);
        ws.push(this.ws[i]!);
      }
    }
    return new SparseVector(Int32Array.from(ids), Float64Array.from(ws));
  }

  /**
   * Σ this[id]·dense[id] over this vector's entries: a document spread over a dense array by term
   * id (DenseDoc) meets each vector in one pass over the vector, with no branch per step. Sums in
   * the same (ascending id) order as dotSorted, a term the document lacks adding exactly 0.
   */
  dotDense(dense: Float64Array): number {
    const a = this.ids;
    const w = this.ws;
    let dot = 0;
    for (let i = 0; i < a.length; i++) dot += w[i]! * dense[a[i]!]!;
    return dot;
  }

  /** Σ this[id]·ws[k] over a document given as ids sorted ascending with their weights. */
  dotSorted(ids: Int32Array, ws: Float64Array): number {
    const a = this.ids;
    let i = 0;
    let j = 0;
    let dot = 0;
    while (i < a.length && j < ids.length) {
      const x = a[i]!;
      const y = ids[j]!;
      if (x === y) dot += this.ws[i++]! * ws[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return dot;
  }
}

/**
 * One document's weights spread over a dense array indexed by term id, reused from one document to
 * the next (loading one clears the previous): scoring a document against dozens of centroids and
 * sampled members is then one pass over each of those, not a merge of two sorted lists.
 */
export class DenseDoc {
  private dense = new Float64Array(1024);
  private loaded: Int32Array = NO_IDS;

  /** Loads the document (ids below `idLimit`, the vocabulary size); returns the dense weights. */
  load(ids: Int32Array, ws: Float64Array, idLimit: number): Float64Array {
    for (let i = 0; i < this.loaded.length; i++) this.dense[this.loaded[i]!] = 0;
    if (this.dense.length < idLimit) {
      let n = this.dense.length;
      while (n < idLimit) n *= 2;
      this.dense = new Float64Array(n);
    }
    for (let i = 0; i < ids.length; i++) this.dense[ids[i]!] = ws[i]!;
    this.loaded = ids;
    return this.dense;
  }
}
