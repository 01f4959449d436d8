// Typed access to the card data of search hits (the API sends it as a loose record).
import type { SearchHit } from '@maillage/contracts';
import { formatDate } from '../../../lib/dates';

export interface CompanyHitData {
  nafCode: string | null;
  nafLabel: string | null;
  communeName: string | null;
  departementCode: string | null;
  logoUrl: string | null;
  offers: string[];
  needs: string[];
}
export interface ExpertHitData {
  jobTitle: string | null;
  photoUrl: string | null;
  skills: string[];
  expertiseDomains: string[];
  areasServed: string[];
  companies: string[];
}

export interface NetworkHitData {
  type: string | null;
  visibility: string | null;
  maturity: string | null;
  logoUrl: string | null;
  hostName: string | null;
  places: string[];
  themes: string[];
  /** Null when the member list is not public. */
  memberCount: number | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function companyData(hit: SearchHit): CompanyHitData {
  const d = hit.data;
  return {
    nafCode: str(d.nafCode),
    nafLabel: str(d.nafLabel),
    communeName: str(d.communeName),
    departementCode: str(d.departementCode),
    logoUrl: str(d.logoUrl),
    offers: strings(d.offers),
    needs: strings(d.needs),
  };
}

export function expertData(hit: SearchHit): ExpertHitData {
  const d = hit.data;
  return {
    jobTitle: str(d.jobTitle),
    photoUrl: str(d.photoUrl),
    skills: strings(d.skills),
    expertiseDomains: strings(d.expertiseDomains),
    areasServed: strings(d.areasServed),
    companies: strings(d.companies),
  };
}

export function networkData(hit: SearchHit): NetworkHitData {
  const d = hit.data;
  return {
    type: str(d.type),
    visibility: str(d.visibility),
    maturity: str(d.maturity),
    logoUrl: str(d.logoUrl),
    hostName: str(d.hostName),
    places: strings(d.places),
    themes: strings(d.themes),
    memberCount: typeof d.memberCount === 'number' ? d.memberCount : null,
  };
}

/** Where a hit leads in the app; null for kinds that have no page yet. */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id'> & { data?: SearchHit['data'] }): string | null {
  switch (hit.kind) {
    case 'company':
      return `/entreprises/${hit.id}`;
    case 'expert':
      return `/personnes/${hit.id}`;
    case 'network':
      return `/reseaux/${hit.id}`;
    case 'topic':
      return `/forum/sujets/${hit.id}`;
    case 'event':
      return `/evenements/${hit.id}`;
    case 'opportunity':
      return `/opportunites/${hit.id}`;
    case 'document': {
      // The library tab of the document's network, with the document open.
      const networkId = str(hit.data?.networkId);
      return networkId ? `/reseaux/${networkId}/documents?document=${hit.id}` : null;
    }
    default:
      return null;
  }
}

/** A short line under a hit's name: 'Mécanique industrielle · Saint-Étienne (42)'; `deadlineLabel` words an opportunity's deadline. */
export function hitSubtitle(hit: SearchHit, deadlineLabel: (date: string) => string = (date) => date): string {
  if (hit.kind === 'company') {
    const c = companyData(hit);
    const place = c.communeName ? `${c.communeName}${c.departementCode ? ` (${c.departementCode})` : ''}` : null;
    return [c.nafLabel, place].filter(Boolean).join(' · ');
  }
  if (hit.kind === 'expert') {
    const e = expertData(hit);
    return [e.jobTitle, e.expertiseDomains.slice(0, 3).join(', ')].filter(Boolean).join(' · ');
  }
  if (hit.kind === 'topic') return [str(hit.data.networkName), str(hit.data.category)].filter(Boolean).join(' · ');
  if (hit.kind === 'event')
    return [str(hit.data.localStartsAt)?.slice(0, 16).replace('T', ' '), str(hit.data.communeName), str(hit.data.networkName)]
      .filter(Boolean)
      .join(' · ');
  if (hit.kind === 'opportunity') {
    // The deadline is a day (YYYY-MM-DD): shown the reader's way, not as stored.
    const deadline = str(hit.data.deadline);
    return [
      str(hit.data.typeLabel),
      str(hit.data.companyName),
      str(hit.data.communeName),
      deadline ? deadlineLabel(formatDate(deadline)) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (hit.kind === 'document') return [str(hit.data.networkName), str(hit.data.fileName)].filter(Boolean).join(' · ');
  if (hit.kind === 'network') {
    const n = networkData(hit);
    return [n.hostName, n.places.slice(0, 2).join(', ')].filter(Boolean).join(' · ');
  }
  return '';
}
