import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain';
import { migrate } from '../../src/adapters/db/migrate';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DATABASE_KINDS)('foundation on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: kind });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers health with the database in use', async () => {
    const r = await new ApiClient(server.url).request('GET', '/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: kind, version: expect.any(String) });
  });

  it('signs in every demo role and reads the session back', async () => {
    for (const username of [
      'akimat',
      'psc',
      'director',
      'district',
      'oblast',
      'ministry',
      'admin',
      'auditor',
      'citizen',
    ]) {
      const client = new ApiClient(server.url);
      const login = await client.login(username, server.demoPassword);
      expect(login.status, username).toBe(200);
      expect(login.headers.getSetCookie().join(';')).toMatch(/qosalqy_session=.*HttpOnly.*SameSite=Lax/i);
      expect(login.json.user.username).toBe(username);
      expect(login.json.user).not.toHaveProperty('passwordHash');
      const session = await client.request('GET', '/api/v1/auth/session');
      expect(session.status).toBe(200);
      expect(session.json.user.role).toBe(login.json.user.role);
    }
  });

  it('logout revokes the session on the server: the old cookie no longer works', async () => {
    const client = new ApiClient(server.url);
    await client.login('akimat', server.demoPassword);
    const stolen = client.cookieHeader();
    expect((await client.request('POST', '/api/v1/auth/logout', {})).status).toBeLessThan(300);
    const replay = await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('an expired session and a disabled user’s session no longer work (one statement reads both)', async () => {
    const db = server.runtime.db.kysely;
    const expired = new ApiClient(server.url);
    await expired.login('district', server.demoPassword);
    expect((await expired.request('GET', '/api/v1/auth/session')).status).toBe(200);
    const district = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'district')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', district.id)
      .execute();
    expect((await expired.request('GET', '/api/v1/auth/session')).status).toBe(401);

    const disabled = new ApiClient(server.url);
    await disabled.login('oblast', server.demoPassword);
    expect((await disabled.request('GET', '/api/v1/auth/session')).status).toBe(200);
    await db.updateTable('users').set({ active: false }).where('username', '=', 'oblast').execute();
    try {
      expect((await disabled.request('GET', '/api/v1/auth/session')).status).toBe(401);
    } finally {
      await db.updateTable('users').set({ active: true }).where('username', '=', 'oblast').execute();
    }
  });

  it('gives the same generic 401 for a wrong password and for an unknown user', async () => {
    const wrong = await new ApiClient(server.url).login('akimat', 'not-the-password');
    const unknown = await new ApiClient(server.url).login('nobody-here', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('refuses the 6th failed sign-in within 15 minutes with 429 and Retry-After', async () => {
    const client = new ApiClient(server.url);
    for (let i = 1; i <= 5; i++) expect((await client.login('oblast', `wrong-${i}`)).status).toBe(401);
    const sixth = await client.login('oblast', server.demoPassword);
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a state-changing request without the CSRF token (403), accepts it with the token', async () => {
    const client = new ApiClient(server.url);
    await client.login('admin', server.demoPassword);
    const without = await client.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(without.status).toBe(403);
    expect(without.json.error.code).toBe('AUTH.CSRF');
    const forged = await client.request('POST', '/api/v1/auth/logout', undefined, {
      'x-csrf-token': 'forged',
    });
    expect(forged.status).toBe(403);
    const ok = await client.request('POST', '/api/v1/auth/logout');
    expect(ok.status).toBe(204);
    expect((await client.request('GET', '/api/v1/auth/session')).status).toBe(401);
  });

  it('a CSRF token of one session does not work for another', async () => {
    const a = new ApiClient(server.url);
    const b = new ApiClient(server.url);
    await a.login('auditor', server.demoPassword);
    await b.login('ministry', server.demoPassword);
    const r = await b.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': a.csrfToken! });
    expect(r.status).toBe(403);
  });

  it('answers an unknown /api route with a JSON 404', async () => {
    const r = await new ApiClient(server.url).request('GET', '/api/v1/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('NOT_FOUND');
  });

  it('answers a malformed JSON body with 400 VALIDATION_FAILED, and a wrong shape with field paths', async () => {
    const client = new ApiClient(server.url);
    const broken = await client.request('POST', '/api/v1/auth/login', '{"username": "akimat", ');
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('VALIDATION_FAILED');
    const shape = await client.request('POST', '/api/v1/auth/login', { username: 42 });
    expect(shape.status).toBe(400);
    expect(shape.json.error.code).toBe('VALIDATION_FAILED');
    const paths = shape.json.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
    for (const r of [broken, shape]) expect(r.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('serves the OpenAPI document', async () => {
    const r = await new ApiClient(server.url).request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toMatch(/^3\./);
    expect(Object.keys(r.json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/health']),
    );
  });

  it('chains appends from 40 concurrent transactions gaplessly once sealed, hashing Kazakh text as Node does', async () => {
    const { deps, db } = server.runtime;
    await deps.auditReader.seal();
    const before = (await deps.auditReader.head()).seq;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deps.uow.run((repos) =>
          repos.audit.append({
            actorId: null,
            actorRole: 'admin',
            action: 'test.concurrent',
            subjectType: 'household',
            subjectId: `Әлемғұлұлы "${i}" \\ ${'ң'.repeat(i)}`,
            outcome: i % 3 === 0 ? 'denied' : 'success',
            details: { seq: 0, subjectId: 'x', nested: { ө: [i, null, true, 1.5] }, note: 'Қазақ\nтілі' },
          }),
        ),
      ),
    );
    // A rolled-back transaction leaves no audit row to seal.
    await expect(
      deps.uow.run(async (repos) => {
        await repos.audit.append({
          actorId: null,
          actorRole: 'admin',
          action: 'test.rolled_back',
          outcome: 'success',
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Committed but not yet sealed: the row is there, outside the chain; it may not be edited meanwhile.
    const waiting = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where seq is null`.execute(db.kysely);
    expect(waiting.rows[0]!.n).toBe(40);
    await expect(sql`update audit_log set action = 'x' where seq is null`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: true });
    const rows = await sql<{ seq: string; action: string }>`
      select seq, action from audit_log where seq > ${before} order by seq`.execute(db.kysely);
    expect(rows.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    expect(rows.rows.every((r) => r.action === 'test.concurrent')).toBe(true);
    // Sealing twice seals nothing twice.
    expect(await deps.auditReader.seal()).toBe(0);
  });

  it('keeps an intact audit chain of every sign-in, and finds a modified or deleted row', async () => {
    const { deps, db } = server.runtime;
    const intact = await verifyAuditChain(deps);
    expect(intact.ok).toBe(true);
    expect(intact.rows).toBeGreaterThan(10);
    // The table refuses changes by the application...
    await expect(sql`update audit_log set action = 'x' where seq = 3`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    // ...so a forger must switch the guard off first; the chain still tells.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db.kysely);
    await sql`update audit_log set action = 'auth.forged' where seq = 3`.execute(db.kysely);
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, problem: { kind: 'modified', seq: 3 } });
    await sql`delete from audit_log where seq in (2, 3)`.execute(db.kysely);
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 2 } });
  });

  it('migrations are idempotent', async () => {
    expect((await migrate(server.runtime.db)).applied).toEqual([]);
  });

  it('never writes a password or an IIN into the logs', async () => {
    await new ApiClient(server.url).request('GET', '/api/v1/iin/900101300017');
    const all = server.logs.join('');
    expect(all).toContain('********0017');
    expect(all).not.toContain('900101300017');
    expect(all).not.toContain(server.demoPassword);
  });
});

describe('IIN check (R-3)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['900101300017', 200, undefined],
    ['900101300014', 422, 'IIN.BAD_CHECK_DIGIT'],
    ['12345', 422, 'IIN.BAD_FORMAT'],
    ['010229500016', 422, 'IIN.BAD_DATE'],
  ])('%s → %i %s', async (iin, status, code) => {
    const r = await new ApiClient(server.url).request('GET', `/api/v1/iin/${iin}`);
    expect(r.status).toBe(status);
    if (code) expect(r.json.error.code).toBe(code);
    else expect(r.json).toEqual({ valid: true, birthDate: '1990-01-01', sex: 'male' });
  });
});
