// What every endpoint shares: the address prefix, the error shape, pages of results, locales.
// No runtime dependencies: only types and constant lists.

export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'x-csrf-token';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** Every error answered by the API. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown> | FieldError[];
  correlationId: string;
}
export interface FieldError {
  field: string;
  messages: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MessageResponse {
  message: string;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  uptimeSeconds: number;
}
