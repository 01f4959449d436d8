// The one HTTP client of the web app: same-origin cookies, CSRF token, typed errors.
import { API_PREFIX, CSRF_HEADER, type ApiError, type FieldError } from '@maillage/contracts';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  /** JSON-serialised, or sent as is when it is a FormData. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Any non-2xx answer of the API, with its `{ code, message, details, correlationId }` body. */
export class ApiRequestError extends Error implements ApiError {
  readonly status: number;
  readonly code: string;
  readonly details?: ApiError['details'];
  readonly correlationId: string;

  constructor(status: number, body: Partial<ApiError>) {
    super(body.message || `HTTP ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code || `HTTP_${status}`;
    this.details = body.details;
    this.correlationId = body.correlationId ?? '';
  }

  /** Per-field messages of a validation error (empty when the details are not a field list). */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? this.details : [];
  }

  /** A named value of object-shaped details, e.g. `retryAfterSeconds` or `companyId`. */
  detail<T = unknown>(key: string): T | undefined {
    const details = this.details;
    return details && !Array.isArray(details) ? (details[key] as T | undefined) : undefined;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const unauthorizedListeners = new Set<() => void>();

/**
 * Called when the API answers 401 outside /auth/* (the session expired or was closed elsewhere).
 * Returns the unsubscribe function.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}
let csrfToken: Promise<string> | null = null;

function csrf(): Promise<string> {
  csrfToken ??= send<{ token: string }>('GET', '/auth/csrf', {}).then(
    (answer) => answer.token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

/** Forgets the cached CSRF token (the next state-changing request fetches a new one). */
export function resetCsrfToken(): void {
  csrfToken = null;
}

function isCsrfRejection(error: ApiRequestError): boolean {
  return error.status === 403 && (error.code.startsWith('FST_CSRF') || /csrf/i.test(error.message));
}

function url(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_PREFIX}${path}${search ? `?${search}` : ''}`;
}

function errorOf(status: number, text: string): ApiRequestError {
  let body: Partial<ApiError> = {};
  try {
    body = text ? (JSON.parse(text) as Partial<ApiError>) : {};
  } catch {
    // Not JSON (a proxy error page, for instance): keep the status only.
  }
  return new ApiRequestError(status, body);
}

async function readError(response: Response): Promise<ApiRequestError> {
  return errorOf(response.status, await response.text().catch(() => ''));
}

/** Sends once; when the CSRF secret changed (new cookie, expired token), fetches a fresh token and sends once more. */
async function withCsrfRetry<T>(sendOnce: () => Promise<T>): Promise<T> {
  try {
    return await sendOnce();
  } catch (error) {
    if (!isApiError(error) || !isCsrfRejection(error)) throw error;
    resetCsrfToken();
    return sendOnce();
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrf();
  const response = await fetch(url(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/')) unauthorizedListeners.forEach((listener) => listener());
    throw await readError(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return UNSAFE_METHODS.has(method) ? withCsrfRetry(() => send<T>(method, path, options)) : send<T>(method, path, options);
}

export interface UploadOptions {
  /** Text fields sent before the file. */
  fields?: Record<string, string>;
  query?: Query;
  /** Called with the sent fraction (0 to 1) as the bytes go out. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function sendWithProgress<T>(path: string, file: File, options: UploadOptions, token: string): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append('file', file);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) return resolve((text ? JSON.parse(text) : undefined) as T);
      if (xhr.status === 401) unauthorizedListeners.forEach((listener) => listener());
      reject(errorOf(xhr.status, text));
    };
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Multipart upload of one file (`file` field) with upload progress: XMLHttpRequest, as fetch reports none. */
export function uploadWithProgress<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return withCsrfRetry(async () => sendWithProgress<T>(path, file, options, await csrf()));
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Multipart upload of one file in the `file` field (POST, or PUT to replace). */
  upload: <T>(path: string, file: File, method: 'POST' | 'PUT' = 'POST') => {
    const form = new FormData();
    form.append('file', file);
    return request<T>(method, path, { body: form });
  },
};
