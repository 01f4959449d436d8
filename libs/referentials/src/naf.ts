// NAF rev.2 (the French activity classification) from @socialgouv/codes-naf. The data is read
// on first use, so importing this module costs nothing.
import type { NafRef } from '@maillage/contracts';
import { normalizeNafCode } from './identifiers';
import { foldText, topRanked, wordsPrefixMatch } from './text';

export type { NafRef };

export interface NafSection {
  code: string;
  label: string;
  /** First and last division (2-digit code) of the section. */
  divisions: readonly [string, string];
}

// The package has divisions, groups, classes and sous-classes but not the 21 sections.
export const NAF_SECTIONS: readonly NafSection[] = [
  { code: 'A', label: 'Agriculture, sylviculture et pêche', divisions: ['01', '03'] },
  { code: 'B', label: 'Industries extractives', divisions: ['05', '09'] },
  { code: 'C', label: 'Industrie manufacturière', divisions: ['10', '33'] },
  { code: 'D', label: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné", divisions: ['35', '35'] },
  { code: 'E', label: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution", divisions: ['36', '39'] },
  { code: 'F', label: 'Construction', divisions: ['41', '43'] },
  { code: 'G', label: "Commerce ; réparation d'automobiles et de motocycles", divisions: ['45', '47'] },
  { code: 'H', label: 'Transports et entreposage', divisions: ['49', '53'] },
  { code: 'I', label: 'Hébergement et restauration', divisions: ['55', '56'] },
  { code: 'J', label: 'Information et communication', divisions: ['58', '63'] },
  { code: 'K', label: "Activités financières et d'assurance", divisions: ['64', '66'] },
  { code: 'L', label: 'Activités immobilières', divisions: ['68', '68'] },
  { code: 'M', label: 'Activités spécialisées, scientifiques et techniques', divisions: ['69', '75'] },
  { code: 'N', label: 'Activités de services administratifs et de soutien', divisions: ['77', '82'] },
  { code: 'O', label: 'Administration publique', divisions: ['84', '84'] },
  { code: 'P', label: 'Enseignement', divisions: ['85', '85'] },
  { code: 'Q', label: 'Santé humaine et action sociale', divisions: ['86', '88'] },
  { code: 'R', label: 'Arts, spectacles et activités récréatives', divisions: ['90', '93'] },
  { code: 'S', label: 'Autres activités de services', divisions: ['94', '96'] },
  {
    code: 'T',
    label:
      "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre",
    divisions: ['97', '98'],
  },
  { code: 'U', label: 'Activités extra-territoriales', divisions: ['99', '99'] },
];

interface NafIndex {
  /** Every level of the package (division '25', group '25.6', class '25.62', sous-classe '25.62B'). */
  labels: Map<string, string>;
  subclasses: NafRef[];
  /** Folded code without the dot ('2562b') and folded label, for the search. */
  searchable: { ref: NafRef; code: string; label: string }[];
}

let index: NafIndex | null = null;

function nafIndex(): NafIndex {
  if (!index) {
    const rows = require('@socialgouv/codes-naf/index.json') as { id: string; label: string }[];
    // A few labels of the source have double spaces.
    const labels = new Map(rows.map((r) => [r.id, r.label.replace(/\s+/g, ' ').trim()]));
    const subclasses = [...labels].filter(([code]) => /^\d{2}\.\d{2}[A-Z]$/.test(code)).map(([code, label]) => ({ code, label }));
    const searchable = subclasses.map((ref) => ({ ref, code: foldText(ref.code).replace(/ /g, ''), label: foldText(ref.label) }));
    index = { labels, subclasses, searchable };
  }
  return index;
}

/** The 732 sous-classes, in code order. */
export function listNaf(): NafRef[] {
  return nafIndex().subclasses.map((ref) => ({ ...ref }));
}

/** A sous-classe by code ('62.01Z', also accepted as '6201Z' or '62.01z'). */
export function findNaf(code: string): NafRef | null {
  const normalized = normalizeNafCode(code);
  const label = /^\d{2}\.\d{2}[A-Z]$/.test(normalized) ? nafIndex().labels.get(normalized) : undefined;
  return label === undefined ? null : { code: normalized, label };
}

/**
 * Sous-classes whose code starts with the query (dot optional: '6201', '62.0'), then those
 * whose label starts with it, then those whose label has a word starting with each query word.
 * Case and accents are ignored.
 */
export function searchNaf(query: string, limit = 20): NafRef[] {
  const folded = foldText(query);
  if (!folded) return [];
  const code = folded.replace(/ /g, '');
  const words = folded.split(' ');
  const rank = (s: NafIndex['searchable'][number]): number | null => {
    if (s.code.startsWith(code)) return 0;
    if (s.label.startsWith(folded)) return 1;
    return wordsPrefixMatch(s.label, words) ? 2 : null;
  };
  // Within a rank, the source order (code order) is kept: Array.prototype.sort is stable.
  return topRanked(nafIndex().searchable, rank, () => 0, limit).map((s) => ({ ...s.ref }));
}

/** The 2-digit division of any NAF code ('25.62B', '25.6', '25'), or null when it does not exist. */
export function nafDivision(code: string): NafRef | null {
  const division = normalizeNafCode(code).slice(0, 2);
  const label = /^\d{2}$/.test(division) ? nafIndex().labels.get(division) : undefined;
  return label === undefined ? null : { code: division, label };
}

/** The section (A–U) of any NAF code ('25.62B' → C, Industrie manufacturière), or null. */
export function nafSection(code: string): { code: string; label: string } | null {
  const division = nafDivision(code)?.code;
  if (!division) return null;
  const section = NAF_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
  return section ? { code: section.code, label: section.label } : null;
}
