// Identity: the session, sign-up, sign-in and passwords (apps/api/src/modules/identity).
import type { Locale } from './common';
import type { StaffRole } from './organizations';

export type PlatformRole = 'admin' | 'user';

/** `GET /auth/session`: the signed-in person, or null for a visitor. */
export interface SessionState {
  user: SessionUser | null;
}
export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  platformRole: PlatformRole;
  emailVerified: boolean;
  /** Organisations where this person is staff. */
  staffOf: { organizationId: string; organizationName: string; role: StaffRole }[];
  /** Terms of use or privacy policy published since this person last accepted them: the web app asks before anything else. */
  consentRequired?: boolean;
  /** The person signs in with a second factor. */
  twoFactorEnabled?: boolean;
  /** Two-factor sign-in is required of this person and not set up yet: enrolment comes before anything else. */
  mustEnrolTwoFactor?: boolean;
}

/** A browser that signed in to the account (profile → devices); revoking it signs it out. */
export interface KnownDeviceView {
  id: string;
  /** The browser's own description of itself, as it last signed in. */
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** Sessions open from it. */
  sessions: number;
  /** The device of the session asking. */
  current: boolean;
}

export interface SignupRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  /** The versions of the terms of use and privacy policy the person accepted on the form. */
  consents?: SignupConsentsInput;
}
export interface SignupConsentsInput {
  terms: number;
  privacy: number;
}
export interface LoginRequest {
  email: string;
  password: string;
}
export interface TokenRequest {
  token: string;
}
export interface ForgotPasswordRequest {
  email: string;
}
export interface ResetPasswordRequest {
  token: string;
  password: string;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
