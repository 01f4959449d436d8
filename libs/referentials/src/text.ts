// Text folding shared by the searches: case, accents, ligatures and punctuation do not matter.

/** 'Saint-Étienne' → 'saint etienne', "L'Œuvre" → 'l oeuvre'. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when every word of the query starts some word of the text (both already folded). */
export function wordsPrefixMatch(foldedText: string, queryWords: readonly string[]): boolean {
  const words = foldedText.split(' ');
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}

/** Orders matches by rank (lower first), then by the given tie-breaker, and keeps `limit`. */
export function topRanked<T>(items: Iterable<T>, rank: (item: T) => number | null, tieBreak: (a: T, b: T) => number, limit: number): T[] {
  const matches: { item: T; rank: number }[] = [];
  for (const item of items) {
    const r = rank(item);
    if (r !== null) matches.push({ item, rank: r });
  }
  matches.sort((a, b) => a.rank - b.rank || tieBreak(a.item, b.item));
  return matches.slice(0, Math.max(0, limit)).map((m) => m.item);
}
