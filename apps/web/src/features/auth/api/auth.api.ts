import type {
  ChangePasswordRequest,
  KnownDeviceView,
  LoginRequest,
  MessageResponse,
  ResetPasswordRequest,
  SessionState,
  SessionUser,
  SignupRequest,
  RecoveryCodes,
  SessionView,
  SsoOption,
  TwoFactorChallenge,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export const authApi = {
  /** The signed-in person, or null when anonymous (a visitor's ordinary answer, no 401 in the console). */
  me: async (): Promise<SessionUser | null> => (await api.get<SessionState>('/auth/session')).user,
  /** The session's user, or a request for the second factor (then `loginTwoFactor`). */
  login: (body: LoginRequest) => api.post<SessionUser | TwoFactorChallenge>('/auth/login', body),
  loginTwoFactor: (code: string) => api.post<SessionUser>('/auth/login/two-factor', { code }),
  signup: (body: SignupRequest) => api.post<MessageResponse>('/auth/signup', body),
  resendVerification: (email: string) => api.post<MessageResponse>('/auth/verification/resend', { email }),
  verifyEmail: (token: string) => api.post<SessionUser>('/auth/verify', { token }),
  logout: () => api.post('/auth/logout'),
  logoutAll: () => api.post('/auth/logout-all'),
  forgotPassword: (email: string) => api.post<MessageResponse>('/auth/password/forgot', { email }),
  resetPassword: (body: ResetPasswordRequest) => api.post('/auth/password/reset', body),
  changePassword: (body: ChangePasswordRequest) => api.post('/auth/password/change', body),
  devices: (signal?: AbortSignal) => api.get<KnownDeviceView[]>('/auth/devices', undefined, signal),
  revokeDevice: (id: string) => api.delete(`/auth/devices/${id}`),
  sessions: (signal?: AbortSignal) => api.get<SessionView[]>('/auth/sessions', undefined, signal),
  revokeSession: (id: string) => api.delete(`/auth/sessions/${id}`),
  revokeOtherSessions: () => api.post<{ ended: number }>('/auth/sessions/revoke-others'),
  twoFactor: (signal?: AbortSignal) => api.get<TwoFactorStatus>('/auth/two-factor', undefined, signal),
  startTwoFactor: () => api.post<TwoFactorEnrolment>('/auth/two-factor/enrolment'),
  confirmTwoFactor: (code: string) => api.post<RecoveryCodes>('/auth/two-factor/enrolment/confirm', { code }),
  regenerateRecoveryCodes: (code: string) => api.post<RecoveryCodes>('/auth/two-factor/recovery-codes', { code }),
  disableTwoFactor: (password: string, code: string) => api.post('/auth/two-factor/disable', { password, code }),
  ssoOptions: (signal?: AbortSignal) => api.get<SsoOption[]>('/auth/sso/options', undefined, signal),
};

/** Where the browser goes to sign in through an organisation's provider (a plain link: the API redirects). */
export const ssoStartUrl = (organizationId: string) => `/api/v1/auth/sso/${organizationId}/start`;
