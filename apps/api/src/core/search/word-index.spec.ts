import { WordIndex, type WordGroup } from './word-index';

const word = (lexeme: string, prefix = true): WordGroup => [[{ lexeme, prefix }]];
const doc = (all: string[], head: string[] = [], title: string[] = []) => ({ all, head, title });
const ords = (index: WordIndex, groups: WordGroup[], operator: 'and' | 'or' = 'and') =>
  [...index.match(groups, operator).ords].sort((a, b) => a - b);

describe('WordIndex', () => {
  let index: WordIndex;
  beforeEach(() => {
    index = new WordIndex();
    index.upsert(1, doc(['usinag', 'inox', 'loir'], ['usinag']));
    index.upsert(2, doc(['usin', 'bois'], ['bois']));
    index.upsert(5, doc(['chaudronner', 'inox'], ['chaudronner', 'inox']));
  });

  it('matches prefixes and exact lexemes', () => {
    expect(ords(index, [word('usin')])).toEqual([1, 2]);
    expect(ords(index, [word('usin', false)])).toEqual([2]);
    expect(ords(index, [word('zzz')])).toEqual([]);
  });

  it('needs every word (and), or one of them (or), and one alternative of a word', () => {
    expect(ords(index, [word('usin'), word('inox')])).toEqual([1]);
    expect(ords(index, [word('bois'), word('chaud')], 'or')).toEqual([2, 5]);
    const usinOrChaud: WordGroup = [[{ lexeme: 'usinag', prefix: false }], [{ lexeme: 'chaudronner', prefix: false }]];
    expect(ords(index, [usinOrChaud, word('inox')])).toEqual([1, 5]);
  });

  it('needs all the lexemes of an alternative', () => {
    expect(
      ords(index, [
        [
          [
            { lexeme: 'inox', prefix: false },
            { lexeme: 'loir', prefix: false },
          ],
        ],
      ]),
    ).toEqual([1]);
  });

  it('ignores words without lexemes (stop words), and matches nothing without any word', () => {
    expect(ords(index, [[[]], word('bois')])).toEqual([2]);
    expect(ords(index, [[[]]])).toEqual([]);
  });

  it('tells which matches have every word in their title and keywords', () => {
    const { ords: found, head } = index.match([word('inox')], 'and');
    expect([...found].sort((a, b) => a - b)).toEqual([1, 5]);
    expect([head[1], head[5]]).toEqual([0, 1]);
  });

  it('tells which matches have every word starting a word of their title', () => {
    index.upsert(7, doc(['usinag', 'inox'], ['usinag'], ['usinage', 'inox', 'martin']));
    index.upsert(8, doc(['usinag', 'inox'], ['usinag'], ['atelier', 'martin']));
    const titled = (titleWords: string[]) =>
      index.match(
        [word('usin')],
        'and',
        titleWords.map((w) => [[{ lexeme: w, prefix: true }]]),
      ).titled;
    expect([...titled(['usin', 'mart'])].flatMap((bit, ord) => (bit ? [ord] : []))).toEqual([7]);
    expect([...titled(['mart'])].flatMap((bit, ord) => (bit ? [ord] : []))).toEqual([7, 8]);
    // A new title: its old words no longer count.
    index.upsert(7, doc(['usinag', 'inox'], ['usinag'], ['tournage']));
    expect([...titled(['usin', 'mart'])].flatMap((bit, ord) => (bit ? [ord] : []))).toEqual([]);
  });

  it('follows changes and removals, before and after its posting lists are compacted', () => {
    const check = () => {
      expect(ords(index, [word('usin')])).toEqual([2]);
      expect(ords(index, [word('fraisag')])).toEqual([1]);
      expect(ords(index, [word('chaud')])).toEqual([]);
    };
    index.upsert(1, doc(['fraisag'], ['fraisag']));
    index.remove(5);
    check();
    // Enough appended changes to compact (the threshold grows with the number of documents).
    for (let ord = 10; ord < 2_010; ord++) index.upsert(ord, doc(['filler', 'words', 'here'], []));
    index.settle();
    check();
    expect(ords(index, [word('fill')])).toHaveLength(2_000);
    // A removed document indexed again is found again.
    index.upsert(5, doc(['chaudronner'], []));
    expect(ords(index, [word('chaud')])).toEqual([5]);
  });

  it('finds lexemes added after the prefix dictionary was sorted', () => {
    for (let i = 0; i < 1_500; i++) index.upsert(100 + i, doc([`lex${String(i).padStart(4, '0')}`], []));
    expect(ords(index, [word('lex000')])).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    index.upsert(3_000, doc(['lex0001b'], []));
    expect(ords(index, [word('lex0001')])).toEqual([101, 3_000]);
  });
});
