/**
 * The UI's only door to the server (issue 2, item 6). Adds the CSRF header to state-changing requests and turns
 * every failure into an `ApiError` carrying the server's error `code`, which the UI translates; the server's
 * English `message` is kept for logs only and never shown.
 */
import type { Role } from '../domain/access/roles';
import type { Locale } from '../i18n';

export type { Role };

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale: Locale;
  readonly territory: {
    readonly kato: string | null;
    readonly officeId: string | null;
    /** The territory's or office's name, when the server provides one. */
    readonly name?: { readonly kk: string; readonly ru: string } | null;
  };
}

export interface Session {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export interface Health {
  readonly status: string;
  readonly database: string;
  readonly version: string;
}

/** One invalid field of a `VALIDATION_FAILED` error; `path` names the field (`username`, `household.members.0.iin`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Codes the client gives failures that never reached a server answer with a code. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK', unknown: 'UNKNOWN' } as const;

export class ApiError extends Error {
  constructor(
    /** The server's `error.code`, or one derived from the HTTP status, or `NETWORK`. */
    readonly code: string,
    /** HTTP status; 0 when the server was not reached. */
    readonly status: number,
    readonly details: unknown = undefined,
    /** Seconds from the Retry-After header of a 429 or 503, when present. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /**
   * Field issues of a `VALIDATION_FAILED` error. Accepts `details` as the list itself or as `{ fields: [...] }`;
   * array paths are joined with dots, and a leading `body.` is dropped, since a form's fields are the body.
   */
  get fieldIssues(): FieldIssue[] {
    const list = Array.isArray(this.details)
      ? this.details
      : isRecord(this.details) && Array.isArray(this.details.fields)
        ? this.details.fields
        : [];
    return list.flatMap((d: unknown): FieldIssue[] => {
      if (!isRecord(d)) return [];
      const { path, message } = d;
      const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return [
        { path: joined.replace(/^body(\.|$)/, ''), message: typeof message === 'string' ? message : '' },
      ];
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The code to use when an error answer carries none of its own (a proxy's page, a plugin's default body). */
export function codeForStatus(status: number): string {
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'AUTH.UNAUTHENTICATED';
  if (status === 403) return 'AUTH.FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return CLIENT_ERROR_CODES.unknown;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClientOptions {
  /** Prefix of every path; empty for the same origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch, for HTTP-date Retry-After values. */
  readonly now?: () => number;
  /** Called when any request other than the session probe answers 401: the session has ended. */
  readonly onUnauthenticated?: () => void;
  /** Makes the XMLHttpRequest of `upload` (replaced in tests). */
  readonly xhr?: () => XMLHttpRequest;
}

/** Bytes of an upload sent so far, for a progress bar. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

export class ApiClient {
  /** Set by `login` and `session`; sent as `x-csrf-token` on state-changing requests. */
  csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly onUnauthenticated: (() => void) | undefined;
  private readonly makeXhr: () => XMLHttpRequest;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    // Bound so that the browser's fetch is not called with the client as `this` (an "Illegal invocation").
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? (() => Date.now());
    this.onUnauthenticated = options.onUnauthenticated;
    this.makeXhr = options.xhr ?? (() => new XMLHttpRequest());
  }

  async request<T>(method: string, path: string, body?: unknown, { quiet401 = false } = {}): Promise<T> {
    const upper = method.toUpperCase();
    const headers: Record<string, string> = { accept: 'application/json' };
    // No content-type without a body: Fastify rejects an empty body declared as JSON.
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE_METHODS.has(upper) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;

    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, {
        method: upper,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(CLIENT_ERROR_CODES.network, 0);
    }

    if (response.ok) {
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text === '' ? undefined : JSON.parse(text)) as T;
    }

    const error = await this.errorFrom(response);
    if (error.status === 401 && !quiet401) this.onUnauthenticated?.();
    throw error;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /**
   * POSTs a file's raw bytes (`application/octet-stream`) with the CSRF header, reporting the bytes sent.
   * XMLHttpRequest, not fetch: only it tells how much of a request body has gone out (issue 4: an upload
   * with a progress bar). Failures are `ApiError`s exactly as `request` throws them.
   */
  upload<T>(path: string, body: Blob, onProgress?: (progress: UploadProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = this.makeXhr();
      xhr.open('POST', this.baseUrl + path);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      if (this.csrfToken) xhr.setRequestHeader('x-csrf-token', this.csrfToken);
      xhr.upload.onprogress = (e) =>
        onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : body.size });
      xhr.onerror = () => reject(new ApiError(CLIENT_ERROR_CODES.network, 0));
      xhr.onabort = () => reject(new ApiError(CLIENT_ERROR_CODES.network, 0));
      xhr.onload = () => {
        const text = xhr.responseText;
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            resolve((text === '' ? undefined : JSON.parse(text)) as T);
          } catch {
            reject(new ApiError(CLIENT_ERROR_CODES.unknown, xhr.status));
          }
          return;
        }
        const error = this.errorOf(xhr.status, text, xhr.getResponseHeader('retry-after'));
        if (error.status === 401) this.onUnauthenticated?.();
        reject(error);
      };
      xhr.send(body);
    });
  }

  /** Signs in; a wrong password is an `ApiError` with code `AUTH.INVALID_CREDENTIALS`, not a session end. */
  async login(username: string, password: string): Promise<Session> {
    const session = await this.request<Session>(
      'POST',
      '/api/v1/auth/login',
      { username, password },
      { quiet401: true },
    );
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** The current session, or null when there is none (401). */
  async session(): Promise<Session | null> {
    try {
      const session = await this.request<Session>('GET', '/api/v1/auth/session', undefined, {
        quiet401: true,
      });
      this.csrfToken = session.csrfToken;
      return session;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        this.csrfToken = null;
        return null;
      }
      throw e;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.request<void>('POST', '/api/v1/auth/logout', undefined, { quiet401: true });
    } finally {
      this.csrfToken = null;
    }
  }

  health(): Promise<Health> {
    return this.get<Health>('/api/v1/health');
  }

  private async errorFrom(response: Response): Promise<ApiError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // A body that cannot be read says no more than the status.
    }
    return this.errorOf(response.status, text, response.headers.get('retry-after'));
  }

  private errorOf(status: number, text: string, retryAfterHeader: string | null): ApiError {
    let code = codeForStatus(status);
    let details: unknown;
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; details?: unknown } };
      if (typeof body?.error?.code === 'string' && body.error.code !== '') {
        code = body.error.code;
        details = body.error.details;
      }
    } catch {
      // Not JSON (a proxy's error page): the status alone tells what happened.
    }
    // The header is the standard place; some answers carry the wait only in details.retryAfterSeconds.
    const fromDetails = isRecord(details) ? details.retryAfterSeconds : undefined;
    const retryAfter =
      parseRetryAfter(retryAfterHeader, this.now()) ??
      (typeof fromDetails === 'number' && fromDetails >= 0 ? Math.ceil(fromDetails) : null);
    return new ApiError(code, status, details, retryAfter);
  }
}
