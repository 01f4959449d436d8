// Communes, départements, régions and EPCI from @etalab/decoupage-administratif (INSEE's Code
// officiel géographique, La Poste postal codes, DGCL EPCI). Read and indexed on first use.
import type { CommuneRef } from '@maillage/contracts';
import { foldText, topRanked, wordsPrefixMatch } from './text';

export type { CommuneRef };

export type TerritoryZone = 'metro' | 'drom' | 'com';

export interface RegionRef {
  code: string;
  name: string;
  zone: TerritoryZone;
}

export interface DepartementRef {
  code: string;
  name: string;
  zone: TerritoryZone;
  region: { code: string; name: string };
}

export interface EpciRef {
  code: string;
  name: string;
}

// The shapes we use from the package's JSON files.
interface RawRegion {
  code: string;
  nom: string;
  zone: TerritoryZone;
}
interface RawDepartement extends RawRegion {
  region: string;
}
interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  /** For délégué and associated communes: the current commune they belong to. */
  chefLieu?: string;
  /** For the arrondissements of Paris, Lyon and Marseille: the commune. */
  commune?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

interface IndexedCommune {
  ref: CommuneRef;
  population: number;
  /** Folded name with 'saint' spelled out: 'saint etienne'. */
  name: string;
}

interface TerritoryIndex {
  regions: Map<string, RegionRef>;
  departements: Map<string, DepartementRef>;
  /** Current communes, in source order. */
  communes: IndexedCommune[];
  /** Current codes, plus former codes, délégué/associated communes and municipal arrondissements. */
  communeByCode: Map<string, IndexedCommune>;
  epciByCommune: Map<string, EpciRef>;
}

let index: TerritoryIndex | null = null;

function loadJson<T>(file: string): T {
  // Read rather than require()d so that the raw 12 MB does not stay in the module cache.
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}.json`), 'utf8')) as T;
}

function deepFreeze<T extends object>(o: T): T {
  for (const value of Object.values(o)) if (value && typeof value === 'object') deepFreeze(value);
  return Object.freeze(o);
}

function buildIndex(): TerritoryIndex {
  const regions = new Map<string, RegionRef>();
  for (const r of loadJson<RawRegion[]>('regions')) {
    regions.set(r.code, deepFreeze({ code: r.code, name: r.nom, zone: r.zone }));
  }

  const departements = new Map<string, DepartementRef>();
  for (const d of loadJson<RawDepartement[]>('departements')) {
    const region = regions.get(d.region);
    const ref = { code: d.code, name: d.nom, zone: d.zone, region: { code: d.region, name: region?.name ?? '' } };
    departements.set(d.code, deepFreeze(ref));
  }

  const raw = loadJson<RawCommune[]>('communes');
  const communes: IndexedCommune[] = [];
  const communeByCode = new Map<string, IndexedCommune>();
  for (const c of raw) {
    if (c.type !== 'commune-actuelle') continue;
    const departement = departements.get(c.departement);
    const ref: CommuneRef = {
      code: c.code,
      name: c.nom,
      postalCodes: c.codesPostaux ?? [],
      departement: { code: c.departement, name: departement?.name ?? '' },
      region: { code: c.region, name: regions.get(c.region)?.name ?? '' },
    };
    const indexed = { ref: deepFreeze(ref), population: c.population ?? 0, name: searchableName(c.nom) };
    communes.push(indexed);
    communeByCode.set(c.code, indexed);
  }
  // Codes that are no longer current communes still resolve, to the commune they are part of
  // (Sirene, for instance, locates Paris, Lyon and Marseille establishments by arrondissement).
  const alias = (code: string, current: string | undefined) => {
    const target = current === undefined ? undefined : communeByCode.get(current);
    if (target && !communeByCode.has(code)) communeByCode.set(code, target);
  };
  for (const c of raw) {
    if (c.type === 'commune-actuelle') for (const old of c.anciensCodes ?? []) alias(old, c.code);
    else alias(c.code, c.commune ?? c.chefLieu);
  }

  const epciByCommune = new Map<string, EpciRef>();
  for (const e of loadJson<RawEpci[]>('epci')) {
    const ref = deepFreeze({ code: e.code, name: e.nom });
    for (const member of e.membres) epciByCommune.set(member.code, ref);
  }

  return { regions, departements, communes, communeByCode, epciByCommune };
}

function territories(): TerritoryIndex {
  index ??= buildIndex();
  return index;
}

/** Folded name where the abbreviations 'st' and 'ste' read 'saint' and 'sainte'. */
function searchableName(name: string): string {
  return foldText(name)
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

/**
 * A current commune by INSEE code ('42218', '2A004'). Former codes, délégué communes and the
 * municipal arrondissements of Paris, Lyon and Marseille ('75108') give their current commune.
 * The returned objects are shared and frozen.
 */
export function findCommune(code: string): CommuneRef | null {
  return territories().communeByCode.get(code.trim().toUpperCase())?.ref ?? null;
}

/**
 * Communes matching a name, a postal code (or its beginning) or an INSEE code.
 * By name, case, accents, hyphens and apostrophes do not matter and 'st' reads 'saint'; exact
 * names come first, then names starting with the query, then names having a word starting with
 * it. Within each group, and for postal codes, larger populations come first.
 */
export function searchCommunes(query: string, limit = 10): CommuneRef[] {
  const { communes } = territories();
  const code = query.trim().toUpperCase();
  let rank: (c: IndexedCommune) => number | null;
  if (/^\d{1,5}$|^2[AB]\d{3}$/.test(code)) {
    rank = (c) => (c.ref.code === code ? 0 : c.ref.postalCodes.some((p) => p.startsWith(code)) ? 1 : null);
  } else {
    const name = searchableName(query);
    if (!name) return [];
    rank = (c) => (c.name === name ? 0 : c.name.startsWith(name) ? 1 : c.name.includes(` ${name}`) ? 2 : null);
  }
  const byPopulation = (a: IndexedCommune, b: IndexedCommune) => b.population - a.population;
  return topRanked(communes, rank, byPopulation, limit).map((c) => c.ref);
}

export function findDepartement(code: string): DepartementRef | null {
  return territories().departements.get(code.trim().toUpperCase()) ?? null;
}

export function findRegion(code: string): RegionRef | null {
  return territories().regions.get(code.trim()) ?? null;
}

/** The 101 départements, then the overseas collectivities, in INSEE order. */
export function listDepartements(): DepartementRef[] {
  return [...territories().departements.values()];
}

/** The 18 régions, then the overseas collectivities, in INSEE order. */
export function listRegions(): RegionRef[] {
  return [...territories().regions.values()];
}

/** The EPCI à fiscalité propre (métropole, communauté urbaine, d'agglomération or de communes). */
export function epciOfCommune(code: string): EpciRef | null {
  const commune = findCommune(code);
  return commune ? (territories().epciByCommune.get(commune.code) ?? null) : null;
}

/** An EPCI by its SIREN code (for labels of search facets). */
export function findEpci(code: string): EpciRef | null {
  return epcisByCode().get(code.trim()) ?? null;
}
let epciByCode: Map<string, EpciRef> | null = null;

function epcisByCode(): Map<string, EpciRef> {
  epciByCode ??= new Map([...territories().epciByCommune.values()].map((e) => [e.code, e]));
  return epciByCode;
}

/**
 * EPCI whose name has words starting with the query's words ('st etienne metro'), or whose SIREN
 * code is the query; names starting with the query come first, then alphabetical order.
 */
export function searchEpcis(query: string, limit = 10): EpciRef[] {
  const all = [...epcisByCode().values()];
  const code = query.trim();
  if (/^\d{9}$/.test(code)) return all.filter((e) => e.code === code).slice(0, limit);
  const folded = searchableName(query);
  if (!folded) return [];
  const words = folded.split(' ');
  const named = all.map((epci) => ({ epci, name: searchableName(epci.name) }));
  const rank = ({ name }: { name: string }) => (name.startsWith(folded) ? 0 : wordsPrefixMatch(name, words) ? 1 : null);
  return topRanked(named, rank, (a, b) => a.epci.name.localeCompare(b.epci.name, 'fr'), limit).map((n) => n.epci);
}
