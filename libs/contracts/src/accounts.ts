/** Sign-in security: sessions, two-factor sign-in (TOTP + recovery codes), staff single sign-on. */

/** One open session of the signed-in person (profile → sessions). */
export interface SessionView {
  id: string;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
  /** The known device it was opened from, if any. */
  deviceId: string | null;
  /** The session asking. */
  current: boolean;
}

/** The password was right and the account uses two-factor sign-in: a code is asked next. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
}

export interface TwoFactorCodeRequest {
  /** A 6-digit code from the authenticator app, or a recovery code. */
  code: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  /** The platform requires it of this person (platform admin or host-organisation staff). */
  required: boolean;
  recoveryCodesLeft: number;
}

/** The start of an enrolment: the secret to scan or type; confirmed by a first code. */
export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
  /** An SVG image of the QR code, as a data: URL. */
  qrCode: string;
}

/** Shown once: the recovery codes in clear. */
export interface RecoveryCodes {
  codes: string[];
}

export interface DisableTwoFactorRequest {
  password: string;
  code: string;
}

export interface SecuritySettingsView {
  requireTwoFactorForStaff: boolean;
}

/** An organisation's OpenID Connect provider as the admin sees it (the client secret never comes back). */
export interface SsoProviderView {
  organizationId: string;
  organizationName: string;
  issuer: string;
  clientId: string;
  allowedDomains: string[];
  enabled: boolean;
  hasClientSecret: boolean;
}

export interface SsoProviderRequest {
  issuer: string;
  clientId: string;
  /** Left out on an update: the stored one is kept. */
  clientSecret?: string;
  allowedDomains: string[];
  enabled: boolean;
}

/** An organisation whose staff can sign in through its provider (the sign-in page's buttons). */
export interface SsoOption {
  organizationId: string;
  organizationName: string;
}
