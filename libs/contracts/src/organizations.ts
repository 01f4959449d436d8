// Organisations (CCIs, federations, associations) and their staff (apps/api/src/modules/organizations).

export type OrganizationKind = 'cci_regional' | 'cci_territorial' | 'federation' | 'association' | 'other';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['cci_regional', 'cci_territorial', 'federation', 'association', 'other'];
export type StaffRole = 'admin' | 'animator';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'animator'];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  communeCode: string | null;
  website: string | null;
  description: string | null;
  /** '#rrggbb': the colour of the pages of the networks it hosts (null: each network's type colours). */
  accentColor: string | null;
  /** Shown on the pages of the networks it hosts (PUT/DELETE /organizations/:id/logo, its admins). */
  logoUrl: string | null;
  staffCount: number;
}
export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  parentId?: string | null;
  communeCode?: string | null;
  website?: string | null;
  description?: string | null;
  accentColor?: string | null;
}
export interface StaffMember {
  personId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: StaffRole;
}
export interface AddStaffRequest {
  email: string;
  role: StaffRole;
}
