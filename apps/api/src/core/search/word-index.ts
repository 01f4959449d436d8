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

/** Which documents match (`ords`), and by ord, which match in their title and keywords (`head`) or in their title (`titled`). */
export interface WordMatch {
  ords: Int32Array;
  head: Uint8Array;
  titled: Uint8Array;
}

/** What is indexed of a document: the lexemes of all its text and of its title and keywords, and its title's words (folded, not stemmed). */
export interface WordDocument {
  all: readonly string[];
  head: readonly string[];
  title: readonly string[];
}
type FieldName = keyof WordDocument;
const FIELDS: FieldName[] = ['all', 'head', 'title'];

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

  /** The lists of the documents under `ids` (stale entries included: see `dirty`; a document may be in several). */
  *lists(ids: Iterable<number>): Generator<ArrayLike<number>> {
    for (const id of ids) {
      const built = this.built[id];
      if (built?.length) yield built;
      const appended = this.appended.get(id);
      if (appended) yield appended;
    }
  }
}

/** One indexed field: each document's word ids, and the posting lists built from them. */
class Field {
  docs: (Uint32Array | undefined)[] = [];
  readonly postings = new Postings();
}

export class WordIndex {
  /** One dictionary for every field (lexemes and title words): ids ↔ strings. */
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** Words in code-point order (prefix ranges by binary search), and the ones added since it was sorted. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private readonly fields: Record<FieldName, Field> = { all: new Field(), head: new Field(), title: new Field() };
  /** Documents changed or removed since the posting lists were built: their entries may be stale. */
  private readonly dirty = new Set<number>();
  private documents = 0;

  upsert(ord: number, doc: WordDocument): void {
    if (this.fields.all.docs[ord]) this.dirty.add(ord);
    else this.documents += 1;
    for (const name of FIELDS) {
      const ids = this.idsOf(doc[name]);
      this.fields[name].docs[ord] = ids;
      this.fields[name].postings.add(ord, ids);
    }
  }

  remove(ord: number): void {
    if (!this.fields.all.docs[ord]) return;
    for (const name of FIELDS) this.fields[name].docs[ord] = undefined;
    this.dirty.add(ord);
    this.documents -= 1;
  }

  /** Compacts the posting lists once many changes were appended (after a bulk load, at once). */
  settle(): void {
    const changes = this.fields.all.postings.appendedCount + this.dirty.size * 30;
    if (changes < 5_000 || changes < this.documents) return;
    for (const name of FIELDS) this.fields[name].postings.build(this.fields[name].docs, this.words.length);
    this.dirty.clear();
  }

  /**
   * Documents matching every group (`and`) or one of them (`or`); groups without any lexeme are ignored (stop
   * words). Also which of them match every group in their title and keywords (`head`), and every word of
   * `titleGroups` in their title (`titled`). The work grows with the posting lists read, not with the number of documents.
   */
  match(groups: WordGroup[], operator: 'and' | 'or', titleGroups: WordGroup[] = []): WordMatch {
    this.settle();
    const resolve = (list: WordGroup[]) =>
      list
        .map((g) => g.filter((alternative) => alternative.length > 0).map((alternative) => alternative.map((t) => this.lexemeIds(t))))
        .filter((g) => g.length > 0);
    const resolved = resolve(groups);
    const size = this.fields.all.docs.length;
    const head = new Uint8Array(size);
    const titled = new Uint8Array(size);
    if (!resolved.length) return { ords: new Int32Array(0), head, titled };
    const ords = this.evaluate(resolved, operator, this.fields.all);
    for (const ord of this.evaluate(resolved, operator, this.fields.head)) head[ord] = 1;
    const titleResolved = resolve(titleGroups);
    if (titleResolved.length) for (const ord of this.evaluate(titleResolved, 'and', this.fields.title)) titled[ord] = 1;
    return { ords, head, titled };
  }

  /** Scratch arrays reused by every query (they run one at a time): a mark per document, and groups matched. */
  private marks = new Int32Array(0);
  private stamp = 0;
  private counts = new Uint8Array(0);
  private touched = new Int32Array(0);

  /** A new mark: documents whose `marks` entry equals it were seen since it was taken. */
  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  private evaluate(groups: Set<number>[][][], operator: 'and' | 'or', { docs, postings }: Field): Int32Array {
    const size = docs.length;
    if (this.marks.length < size) {
      this.marks = new Int32Array(size + (size >> 2));
      this.counts = new Uint8Array(this.marks.length);
      this.touched = new Int32Array(this.marks.length);
      this.stamp = 0;
    }
    // (Typed arrays reused by every query: growing plain arrays is what costs most at this volume.)
    const { marks, counts, touched } = this;
    let touchedCount = 0;
    for (const group of groups) {
      const stamp = this.nextStamp();
      // Each document of the group once: how many groups it matches goes up by one.
      const see = (ord: number) => {
        if (marks[ord] === stamp) return;
        marks[ord] = stamp;
        if (counts[ord]++ === 0) touched[touchedCount++] = ord;
      };
      for (const alternative of group) {
        if (alternative.length === 1) {
          // (see, inlined: the hottest loop of a search)
          for (const list of postings.lists(alternative[0])) {
            for (let i = 0; i < list.length; i++) {
              const ord = list[i];
              if (marks[ord] === stamp) continue;
              marks[ord] = stamp;
              if (counts[ord]++ === 0) touched[touchedCount++] = ord;
            }
          }
        } else {
          this.allTerms(alternative, postings, size).forEach(see);
        }
      }
      // Documents changed since the lists were built: their current lexemes decide.
      for (const ord of this.dirty) {
        const doc = docs[ord];
        const matches = doc !== undefined && group.some((alternative) => alternative.every((ids) => doc.some((id) => ids.has(id))));
        if (matches) see(ord);
        else if (marks[ord] === stamp) {
          marks[ord] = 0;
          counts[ord] -= 1;
        }
      }
    }
    // The matches, in place at the front of `touched` (typed arrays' own filter is slow), and the counts back to zero.
    const needed = operator === 'and' ? groups.length : 1;
    let found = 0;
    for (let i = 0; i < touchedCount; i++) {
      const ord = touched[i];
      if (counts[ord] >= needed) touched[found++] = ord;
      counts[ord] = 0;
    }
    return touched.slice(0, found);
  }

  /** The documents listed under every term of an alternative (a word the parser split into several lexemes: rare). */
  private allTerms(terms: Set<number>[], postings: Postings, size: number): number[] {
    let found: number[] | null = null;
    for (const ids of terms) {
      const here = new Uint8Array(size);
      for (const list of postings.lists(ids)) for (let i = 0; i < list.length; i++) here[list[i]] = 1;
      found = found ? found.filter((ord) => here[ord] === 1) : [...here.keys()].filter((ord) => here[ord] === 1);
    }
    return found ?? [];
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
        id = this.words.push(lexeme) - 1;
        this.ids.set(lexeme, id);
        this.unsorted.push(lexeme);
      }
      ids[i] = id;
    });
    return ids;
  }
}
