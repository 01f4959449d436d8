import { CSRF_HEADER } from '@maillage/contracts';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps cookies, fetches and sends the CSRF token. Real HTTP, no mocks. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    readonly baseUrl: string,
    /** Sent as X-Forwarded-For, to act from another address (the test app trusts the proxy). */
    readonly ip?: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: RequestInit['body']; csrf?: boolean } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (method !== 'GET' && method !== 'HEAD' && init.csrf !== false) headers[CSRF_HEADER] = await this.csrfToken();
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (this.ip) headers['x-forwarded-for'] = this.ip;
    let payload: RequestInit['body'] | undefined = init.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) this.csrf = (await this.request<{ token: string }>('GET', '/api/v1/auth/csrf')).body.token;
    return this.csrf;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  upload<T = any>(path: string, data: Buffer, filename: string, type: string, method: 'POST' | 'PUT' = 'POST') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
    return this.request<T>(method, path, undefined, { raw: form });
  }
}
