import type {
  ChangePasswordRequest,
  LoginRequest,
  MessageResponse,
  ResetPasswordRequest,
  SessionUser,
  SignupRequest,
} from '@maillage/contracts';
import { api, isApiError } from '../../../lib/api';

export const authApi = {
  /** The signed-in person, or null when anonymous (401). */
  me: async (): Promise<SessionUser | null> => {
    try {
      return await api.get<SessionUser>('/auth/me');
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },
  login: (body: LoginRequest) => api.post<SessionUser>('/auth/login', body),
  signup: (body: SignupRequest) => api.post<MessageResponse>('/auth/signup', body),
  resendVerification: (email: string) => api.post<MessageResponse>('/auth/verification/resend', { email }),
  verifyEmail: (token: string) => api.post<MessageResponse>('/auth/verify', { token }),
  logout: () => api.post('/auth/logout'),
  logoutAll: () => api.post('/auth/logout-all'),
  forgotPassword: (email: string) => api.post<MessageResponse>('/auth/password/forgot', { email }),
  resetPassword: (body: ResetPasswordRequest) => api.post('/auth/password/reset', body),
  changePassword: (body: ChangePasswordRequest) => api.post('/auth/password/change', body),
};
