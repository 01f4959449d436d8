// Companies, their people, invitations and claims (apps/api/src/modules/companies).

import type { TitleForm } from './people';

export type CompanyRole = 'owner' | 'admin' | 'member';
export const COMPANY_ROLES: readonly CompanyRole[] = ['owner', 'admin', 'member'];

export interface CommuneRef {
  code: string;
  name: string;
  postalCodes: string[];
  departement: { code: string; name: string };
  region: { code: string; name: string };
}
export interface NafRef {
  code: string;
  label: string;
}

export interface Company {
  id: string;
  siren: string;
  siret: string;
  legalName: string;
  tradeName: string | null;
  naf: NafRef | null;
  legalForm: { code: string; label: string } | null;
  headcountBand: { code: string; label: string } | null;
  address: {
    line1: string | null;
    line2: string | null;
    postalCode: string | null;
    commune: CommuneRef | null;
  };
  location: { lat: number; lng: number } | null;
  website: string | null;
  description: string | null;
  logoUrl: string | null;
  /** Across the top of the company page (null: a drawn default). */
  coverUrl: string | null;
  /** Set for people of the company only. */
  myRole: CompanyRole | null;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface CreateCompanyRequest {
  siret: string;
  legalName?: string;
}
export interface UpdateCompanyRequest {
  legalName?: string;
  tradeName?: string | null;
  nafCode?: string | null;
  legalFormCode?: string | null;
  headcountBandCode?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  postalCode?: string | null;
  communeCode?: string | null;
  website?: string | null;
  description?: string | null;
}
/** A person's request to join a company that already has people (`POST /companies/:id/claims`). */
export type CompanyClaimStatus = 'pending' | 'accepted' | 'refused';
export interface CompanyClaim {
  id: string;
  companyId: string;
  person: { id: string; firstName: string; lastName: string; jobTitle: string | null; email: string };
  message: string | null;
  status: CompanyClaimStatus;
  createdAt: string;
}
export interface CompanyClaimRequest {
  message?: string | null;
}

export interface CompanySummary {
  id: string;
  siret: string;
  name: string;
  nafCode: string | null;
  communeName: string | null;
  logoUrl: string | null;
  role?: CompanyRole;
}
export interface CompanyMember {
  personId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  role: CompanyRole;
  /** How the person's role titles are written (« dirigeante » / « dirigeant »; null: a neutral word). */
  titleForm: TitleForm | null;
  email?: string;
}
export interface CompanyInvitation {
  id: string;
  email: string;
  role: CompanyRole;
  createdAt: string;
  expiresAt: string;
}
export interface InviteColleagueRequest {
  email: string;
  role: CompanyRole;
}
export interface UpdateCompanyMemberRequest {
  role: CompanyRole;
}
