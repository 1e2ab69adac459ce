/**
 * The issuance benchmarks' HTTP client: an officer already signed in (an ApiClient's cookies and CSRF token) who
 * issues and prints, over undici's `request` on keep-alive connections. The load generator shares the machine's
 * 2 cores with the server and PostgreSQL, so what it spends is taken from what it measures: `fetch` (WHATWG
 * streams, Headers and Response objects over the same undici) cost ≈ 2.6 ms of CPU per certificate (POST + PDF),
 * `request` a fraction of that (docs/PERFORMANCE.md, 2026-12-02 fourth session). Tests keep using ApiClient.
 */
import { Agent, request } from 'undici';
import type { ApiClient } from '../../test/support/http-client';

/** One connection pool for all officers of the process: each officer has at most one request in flight. */
const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 30_000, pipelining: 1 });

export interface OfficerResponse {
  readonly status: number;
  readonly body: Buffer;
}

export class OfficerClient {
  private readonly headers: Record<string, string>;

  constructor(
    readonly baseUrl: string,
    signedIn: ApiClient,
  ) {
    this.headers = {
      cookie: signedIn.cookieHeader(),
      ...(signedIn.csrfToken ? { 'x-csrf-token': signedIn.csrfToken } : {}),
    };
  }

  async post(path: string, body: unknown): Promise<OfficerResponse & { json: () => unknown }> {
    const r = await this.send('POST', path, JSON.stringify(body));
    return { ...r, json: () => JSON.parse(r.body.toString('utf8')) };
  }

  get(path: string): Promise<OfficerResponse> {
    return this.send('GET', path);
  }

  private async send(method: 'GET' | 'POST', path: string, body?: string): Promise<OfficerResponse> {
    const res = await request(this.baseUrl + path, {
      dispatcher,
      method,
      headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    return { status: res.statusCode, body: Buffer.from(await res.body.arrayBuffer()) };
  }
}

/** What the akimat counter benchmarks do per person: issue (POST) and print the kk PDF (GET). */
export async function issueAndPrint(
  officer: OfficerClient,
  person: { iin: string; surname: string; name: string },
): Promise<{ issuedMs: number; totalMs: number; kind: string }> {
  const t0 = performance.now();
  const r = await officer.post('/api/v1/akimat/applications', {
    applicant: { iin: person.iin, surname: person.surname, name: person.name },
    identityDocumentShown: true,
  });
  const issuedMs = performance.now() - t0;
  if (r.status !== 201) throw new Error(`issue ${r.status}: ${r.body.toString('utf8').slice(0, 200)}`);
  const doc = (r.json() as { document: { kind: string; pdfUrl: string } }).document;
  const pdf = await officer.get(`${doc.pdfUrl}?lang=kk`);
  if (pdf.status !== 200 || pdf.body.byteLength < 1000) throw new Error(`print ${pdf.status}`);
  return { issuedMs, totalMs: performance.now() - t0, kind: doc.kind };
}
