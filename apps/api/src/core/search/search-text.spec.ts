import { cleanText, fold, haversineKm, MARK_END, MARK_START, queryWords, sanitizeHighlight, splitNaf } from './search-text';

describe('search text helpers', () => {
  it('folds accents, case and punctuation', () => {
    expect(fold('Métallerie-Chaudronnerie d’Œuvre')).toBe('metallerie chaudronnerie d œuvre');
  });

  it('keeps only the words of any script from a query', () => {
    expect(queryWords(`"usinage" & (inox) | !titane:* <-> 'x`)).toEqual(['usinage', 'inox', 'titane']);
    expect(queryWords("l'usinage du Forez")).toEqual(['usinage', 'du', 'forez']);
    expect(queryWords('東京 Ωμέγα 🚀')).toEqual(['東京', 'ωμεγα']);
    expect(queryWords('u')).toEqual(['u']);
    expect(queryWords('🚀 "" ()')).toEqual([]);
    expect(queryWords('a b c d e f g h i j k l'.replace(/ /g, 'x '))).toHaveLength(8);
    expect(queryWords('x'.repeat(100))[0]).toHaveLength(40);
  });

  it('escapes everything but the marks', () => {
    expect(sanitizeHighlight(`<img src=x onerror="a">${MARK_START}Usinage${MARK_END} & 'co'`)).toBe(
      '&lt;img src=x onerror=&quot;a&quot;&gt;<mark>Usinage</mark> &amp; &#39;co&#39;',
    );
    expect(sanitizeHighlight(`${MARK_START}open`)).toBe('<mark>open</mark>');
    expect(sanitizeHighlight(`${MARK_END}x${MARK_START}${MARK_START}y`)).toBe('x<mark>y</mark>');
  });

  it('removes forged marks and control characters from indexed text', () => {
    expect(cleanText(`a${MARK_START}b\u0000c\n  d`)).toBe('ab c d');
  });

  it('measures distances and splits NAF levels', () => {
    expect(haversineKm({ lat: 45.4339, lng: 4.3903 }, { lat: 45.764, lng: 4.8357 })).toBeCloseTo(50.3, 0);
    expect(splitNaf(['C', '25', '25.62B', 'bad'])).toEqual({ sections: ['C'], divisions: ['25'], codes: ['25.62B'] });
  });
});
