import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, codeForStatus, parseRetryAfter } from './api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that answers from a list and records what it was asked. */
function fakeFetch(answers: Array<() => Response>) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body as string | undefined,
    });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  };
  return { fetch: fn as typeof fetch, calls };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

const session = {
  user: {
    id: 'u1',
    username: 'akimat',
    displayName: 'Айгерим Сәрсенова',
    role: 'akimat_officer',
    locale: 'kk',
    territory: {
      kato: '113243000',
      officeId: null,
      name: { kk: 'Кенес ауылдық округі', ru: 'Кенесский сельский округ' },
    },
  },
  csrfToken: 'tok-1',
};

describe('ApiClient', () => {
  it('login sends JSON without a CSRF header and remembers the token', async () => {
    const f = fakeFetch([json(200, session)]);
    const api = new ApiClient({ fetch: f.fetch });
    await api.login('akimat', 'secret');
    expect(f.calls[0]).toMatchObject({
      url: '/api/v1/auth/login',
      method: 'POST',
      body: '{"username":"akimat","password":"secret"}',
    });
    expect(f.calls[0]?.headers['content-type']).toBe('application/json');
    expect(f.calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(api.csrfToken).toBe('tok-1');
  });

  it('adds x-csrf-token to state-changing requests only, and no content-type without a body', async () => {
    const f = fakeFetch([
      json(200, session),
      json(200, { ok: 1 }),
      () => new Response(null, { status: 204 }),
    ]);
    const api = new ApiClient({ fetch: f.fetch });
    await api.session();
    await api.get('/api/v1/things');
    await api.logout();
    expect(f.calls[1]?.headers['x-csrf-token']).toBeUndefined();
    expect(f.calls[2]?.headers['x-csrf-token']).toBe('tok-1');
    expect(f.calls[2]?.headers['content-type']).toBeUndefined();
    expect(api.csrfToken).toBeNull();
  });

  it.each([
    [
      401,
      { error: { code: 'AUTH.INVALID_CREDENTIALS', message: 'Invalid credentials' } },
      'AUTH.INVALID_CREDENTIALS',
    ],
    [403, { error: { code: 'AUTH.CSRF', message: 'x' } }, 'AUTH.CSRF'],
    [404, { statusCode: 404, error: 'Not Found', message: 'Route not found' }, 'NOT_FOUND'],
    [429, { statusCode: 429, error: 'Too Many Requests' }, 'RATE_LIMITED'],
    [502, '<html>Bad gateway</html>', 'INTERNAL'],
    [418, {}, 'UNKNOWN'],
  ])('a %i answer becomes an ApiError with code %s', async (status, body, code) => {
    const f = fakeFetch([
      () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    ]);
    const error = await new ApiClient({ fetch: f.fetch }).post('/api/v1/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code, status });
  });

  it('reads Retry-After and validation details', async () => {
    const f = fakeFetch([
      json(429, { error: { code: 'AUTH.TOO_MANY_ATTEMPTS', message: 'x' } }, { 'retry-after': '840' }),
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: [
            { path: 'username', message: 'Required' },
            { path: ['members', 0, 'iin'], message: 'Bad' },
          ],
        },
      }),
    ]);
    const api = new ApiClient({ fetch: f.fetch });
    const tooMany = (await api.login('a', 'b').catch((e: unknown) => e)) as ApiError;
    expect(tooMany.retryAfterSeconds).toBe(840);
    const invalid = (await api.login('', '').catch((e: unknown) => e)) as ApiError;
    expect(invalid.fieldIssues.map((i) => i.path)).toEqual(['username', 'members.0.iin']);
  });

  it('takes field paths from { fields } details and the wait from details when there is no header', async () => {
    const f = fakeFetch([
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: {
            fields: [
              { path: 'body.password', message: 'Too small' },
              { path: 'body', message: 'x' },
            ],
          },
        },
      }),
      json(429, { error: { code: 'RATE_LIMITED', message: 'x', details: { retryAfterSeconds: 12.2 } } }),
    ]);
    const api = new ApiClient({ fetch: f.fetch });
    const invalid = (await api.login('a', '').catch((e: unknown) => e)) as ApiError;
    expect(invalid.fieldIssues).toEqual([
      { path: 'password', message: 'Too small' },
      { path: '', message: 'x' },
    ]);
    const limited = (await api.get('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(limited.retryAfterSeconds).toBe(13);
  });

  it('a network failure is NETWORK with status 0', async () => {
    const error = await new ApiClient({ fetch: fakeFetch([]).fetch })
      .get('/api/v1/health')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('session() is null on 401 without signalling a session end; other 401s do signal it', async () => {
    let ended = 0;
    const unauth = json(401, { error: { code: 'AUTH.UNAUTHENTICATED', message: 'x' } });
    const f = fakeFetch([unauth, unauth, unauth]);
    const api = new ApiClient({ fetch: f.fetch, onUnauthenticated: () => ended++ });
    expect(await api.session()).toBeNull();
    await api.login('a', 'b').catch(() => undefined);
    expect(ended).toBe(0);
    await api.get('/api/v1/things').catch(() => undefined);
    expect(ended).toBe(1);
  });
});

/** Just enough XMLHttpRequest for `upload`: records the request and answers when told to. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: unknown = null;
  status = 0;
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } =
    {
      onprogress: null,
    };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }
  send(body: unknown) {
    this.sent = body;
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

// Issue 4, item 3: the household book upload reports its progress and fails with coded errors like any request.
describe('ApiClient.upload', () => {
  const client = (onUnauthenticated?: () => void) => {
    const api = new ApiClient({
      xhr: () => new FakeXhr() as unknown as XMLHttpRequest,
      ...(onUnauthenticated ? { onUnauthenticated } : {}),
    });
    api.csrfToken = 'tok-9';
    return api;
  };

  it('sends the raw bytes with the CSRF header and reports progress', async () => {
    const seen: number[] = [];
    const file = new Blob(['book_no;account_no']);
    const done = client().upload<{ rowsRead: number }>('/api/v1/households/import?akimat=1', file, (p) =>
      seen.push(p.loaded / p.total),
    );
    const xhr = FakeXhr.last!;
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/v1/households/import?akimat=1', sent: file });
    expect(xhr.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-csrf-token': 'tok-9',
    });
    xhr.upload.onprogress?.({ loaded: 9, total: 18, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 18, total: 0, lengthComputable: false });
    xhr.answer(200, { rowsRead: 3 });
    expect(await done).toEqual({ rowsRead: 3 });
    expect(seen).toEqual([0.5, 1]);
  });

  it('turns an error answer into an ApiError with its code and details', async () => {
    const done = client().upload('/x', new Blob(['x']));
    FakeXhr.last!.answer(422, { error: { code: 'FILE.BAD_CSV', message: 'm', details: { line: 7 } } });
    await expect(done).rejects.toMatchObject({ code: 'FILE.BAD_CSV', status: 422, details: { line: 7 } });
  });

  it('a 401 ends the session; a lost connection is NETWORK', async () => {
    let ended = 0;
    const api = client(() => ended++);
    const first = api.upload('/x', new Blob(['x']));
    FakeXhr.last!.answer(401, {});
    await expect(first).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(ended).toBe(1);
    const second = api.upload('/x', new Blob(['x']));
    FakeXhr.last!.onerror?.();
    await expect(second).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-24T10:00:00Z');
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Mon, 24 Mar 2025 10:02:30 GMT', 150],
    ['Mon, 24 Mar 2025 09:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s → %s', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});

describe('codeForStatus', () => {
  it.each([
    [400, 'VALIDATION_FAILED'],
    [401, 'AUTH.UNAUTHENTICATED'],
    [403, 'AUTH.FORBIDDEN'],
    [500, 'INTERNAL'],
  ])('%i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
