/**
 * ApiClient's twin over Fastify's `inject`: the same cookies, session and CSRF token, through the whole request
 * pipeline (hooks, cookie parsing, CSRF, rate limits), without a socket. Each client has its own remote address,
 * so per-address rate limits count each caller apart (the access-matrix test calls public routes as 16 callers).
 */
import type { FastifyInstance } from 'fastify';

export interface InjectResponse {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  readonly json: Record<string, any>;
  readonly text: string;
}

export class InjectClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A JSON body, or a Buffer sent as application/octet-stream (file uploads). */
  async request(method: string, url: string, body?: unknown): Promise<InjectResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (Buffer.isBuffer(body)) {
      headers['content-type'] = 'application/octet-stream';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let json: Record<string, unknown> | undefined;
    try {
      json = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: res.headers, json: json ?? {}, text: res.body };
  }

  async login(username: string, password: string): Promise<InjectResponse> {
    const r = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrfToken = r.json.csrfToken;
    return r;
  }
}
