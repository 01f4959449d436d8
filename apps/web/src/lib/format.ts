// Small display helpers shared by the features.
import type { CommuneRef } from '@maillage/contracts';

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** A person's name, or `fallback` when the answer withheld it (people the viewer may not see come without a name). */
export function nameOr(person: { firstName: string; lastName: string } | null | undefined, fallback: string): string {
  return (person && fullName(person)) || fallback;
}

/** 'Ada Lovelace' → 'AL' (avatar fallback). */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

/** 'Saint-Étienne (42) — Auvergne-Rhône-Alpes' */
export function communeLabel(commune: CommuneRef): string {
  return `${commune.name} (${commune.departement.code}) — ${commune.region.name}`;
}

/** '25.62B — Mécanique industrielle' */
export function nafLabel(naf: { code: string; label: string }): string {
  return `${naf.code} — ${naf.label}`;
}

/** The host of a URL, for link texts ('https://www.acme.fr/a' → 'www.acme.fr'). */
export function displayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
