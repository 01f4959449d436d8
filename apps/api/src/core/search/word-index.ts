/**
 * The words side of the PostgreSQL engine, in memory: each document's lexemes (its `tsv` and `tsv_head`,
 * computed by PostgreSQL's `fr_unaccent` configuration at indexing time) and their posting lists, so that a
 * query word expanding to tens of thousands of documents (a prefix being typed) is answered in a millisecond
 * instead of a GIN bitmap heap scan of every matching row.
 *
 * Posting lists are built in bulk (compact typed arrays); later changes are appended, and the documents
 * changed or removed since the last build are re-checked against their current lexemes at query time,
 * until enough changes accumulate to build again.
 */

/** One query term: lexemes that must match exactly, or as prefixes. */
export interface WordTerm {
  lexeme: string;
  prefix: boolean;
}
/**
 * A query word: it matches a document when one of its alternatives does (the word itself, its typo
 * corrections); an alternative matches when all its terms do (a word the parser splits into several lexemes).
 */
export type WordGroup = WordTerm[][];

/** Which documents match (`all`) and which of them match in their title and keywords (`head`), by ord. */
export interface WordMatch {
  ords: number[];
  head: Uint8Array;
}

const EMPTY = new Int32Array(0);

/** Posting lists by lexeme id: a compact built part plus what was appended since. */
class Postings {
  private built: Int32Array[] = [];
  private appended = new Map<number, number[]>();
  appendedCount = 0;

  build(docs: readonly (Uint32Array | undefined)[], lexemes: number): void {
    const counts = new Uint32Array(lexemes);
    for (const doc of docs) if (doc) for (const id of doc) counts[id]++;
    const built = Array.from(counts, (n) => (n ? new Int32Array(n) : EMPTY));
    const filled = new Uint32Array(lexemes);
    docs.forEach((doc, ord) => {
      if (doc) for (const id of doc) built[id][filled[id]++] = ord;
    });
    this.built = built;
    this.appended.clear();
    this.appendedCount = 0;
  }

  add(ord: number, ids: Uint32Array): void {
    for (const id of ids) {
      const list = this.appended.get(id);
      if (list) list.push(ord);
      else this.appended.set(id, [ord]);
    }
    this.appendedCount += ids.length;
  }

  /** Every document listed under one of `ids`, once, into `list` and `bits` (stale entries included: see `dirty`). */
  collect(ids: Iterable<number>, bits: Uint8Array, list: number[]): void {
    const add = (ord: number) => {
      if (bits[ord]) return;
      bits[ord] = 1;
      list.push(ord);
    };
    for (const id of ids) {
      const built = this.built[id];
      if (built) for (let i = 0; i < built.length; i++) add(built[i]);
      this.appended.get(id)?.forEach(add);
    }
  }
}

export class WordIndex {
  private readonly ids = new Map<string, number>();
  private readonly lexemes: string[] = [];
  /** Lexemes in code-point order (prefix ranges by binary search), and the ones added since it was sorted. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private docs: (Uint32Array | undefined)[] = [];
  private heads: (Uint32Array | undefined)[] = [];
  private readonly all = new Postings();
  private readonly head = new Postings();
  /** Documents changed or removed since the posting lists were built: their entries may be stale. */
  private readonly dirty = new Set<number>();
  private documents = 0;

  /** A document's lexemes (`head`: those of its title and keywords), as PostgreSQL's `tsvector_to_array` gives them. */
  upsert(ord: number, lexemes: readonly string[], head: readonly string[]): void {
    if (this.docs[ord]) this.dirty.add(ord);
    else this.documents += 1;
    const docIds = this.idsOf(lexemes);
    const headIds = this.idsOf(head);
    this.docs[ord] = docIds;
    this.heads[ord] = headIds;
    this.all.add(ord, docIds);
    this.head.add(ord, headIds);
  }

  remove(ord: number): void {
    if (!this.docs[ord]) return;
    this.docs[ord] = undefined;
    this.heads[ord] = undefined;
    this.dirty.add(ord);
    this.documents -= 1;
  }

  /** Compacts the posting lists once many changes were appended (after a bulk load, at once). */
  settle(): void {
    const changes = this.all.appendedCount + this.dirty.size * 30;
    if (changes < 5_000 || changes < this.documents) return;
    this.all.build(this.docs, this.lexemes.length);
    this.head.build(this.heads, this.lexemes.length);
    this.dirty.clear();
  }

  /**
   * Documents matching every group (`and`) or one of them (`or`); groups without any lexeme are ignored (stop
   * words). The work grows with the posting lists read, not with the number of documents.
   */
  match(groups: WordGroup[], operator: 'and' | 'or'): WordMatch {
    this.settle();
    const resolved = groups
      .map((g) => g.filter((alternative) => alternative.length > 0).map((alternative) => alternative.map((t) => this.lexemeIds(t))))
      .filter((g) => g.length > 0);
    const size = this.docs.length;
    const head = new Uint8Array(size);
    if (!resolved.length) return { ords: [], head };
    const ords = this.evaluate(resolved, operator, this.all, this.docs);
    for (const ord of this.evaluate(resolved, operator, this.head, this.heads)) head[ord] = 1;
    return { ords, head };
  }

  private evaluate(groups: Set<number>[][][], operator: 'and' | 'or', postings: Postings, docs: (Uint32Array | undefined)[]): number[] {
    const size = docs.length;
    // How many groups each document matches.
    const counts = new Uint8Array(size);
    const touched: number[] = [];
    for (const group of groups) {
      const inGroup = new Uint8Array(size);
      for (const alternative of group) {
        for (const ord of this.alternative(alternative, postings, docs)) {
          if (inGroup[ord]) continue;
          inGroup[ord] = 1;
          if (counts[ord]++ === 0) touched.push(ord);
        }
      }
    }
    return operator === 'and' ? touched.filter((ord) => counts[ord] === groups.length) : touched;
  }

  /** The documents having every term of an alternative (each term: a set of lexeme ids). */
  private alternative(terms: Set<number>[], postings: Postings, docs: (Uint32Array | undefined)[]): number[] {
    const size = docs.length;
    let list: number[] | null = null;
    for (const ids of terms) {
      const bits = new Uint8Array(size);
      const found: number[] = [];
      postings.collect(ids, bits, found);
      // Stale entries: a changed document matches a term only through its current lexemes.
      for (const ord of this.dirty) {
        const has = docs[ord]?.some((id) => ids.has(id)) ?? false;
        if (has && !bits[ord]) found.push(ord);
        bits[ord] = has ? 1 : 0;
      }
      list = (list ?? found).filter((ord) => bits[ord] === 1);
    }
    return list ?? [];
  }

  /** The ids of the lexemes a term designates: itself, or every lexeme it starts. */
  private lexemeIds(term: WordTerm): Set<number> {
    const found = new Set<number>();
    if (!term.prefix) {
      const id = this.ids.get(term.lexeme);
      if (id !== undefined) found.add(id);
      return found;
    }
    if (this.unsorted.length > 1_000) this.sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < term.lexeme) lo = mid + 1;
      else hi = mid;
    }
    const add = (lexeme: string) => found.add(this.ids.get(lexeme) ?? -1);
    for (let i = lo; i < sorted.length && sorted[i].startsWith(term.lexeme); i++) add(sorted[i]);
    for (const lexeme of this.unsorted) if (lexeme.startsWith(term.lexeme)) add(lexeme);
    return found;
  }

  private sort(): void {
    this.sorted = [...this.sorted, ...this.unsorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.unsorted = [];
  }

  private idsOf(lexemes: readonly string[]): Uint32Array {
    const ids = new Uint32Array(lexemes.length);
    lexemes.forEach((lexeme, i) => {
      let id = this.ids.get(lexeme);
      if (id === undefined) {
        id = this.lexemes.push(lexeme) - 1;
        this.ids.set(lexeme, id);
        this.unsorted.push(lexeme);
      }
      ids[i] = id;
    });
    return ids;
  }
}
