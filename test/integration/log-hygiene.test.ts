/**
 * No IIN and no password in the logs (R-14; issue 10 item 7). Every test server checks its own log on close
 * (test/support/test-server.ts); this file shows the check catches a leak, and that requests which carry an IIN
 * in the path or a password in the body leave only masked traces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { leaksIn } from '../support/log-leaks';
import { startTestServer, type TestServer } from '../support/test-server';

describe('the leak check', () => {
  it('finds a valid IIN and a password, names the line, never the value', () => {
    const found = leaksIn(
      ['ok', 'GET /api/v1/iin/900101300017', 'body {"password":"s3cret-pass"}'],
      ['s3cret-pass'],
    );
    expect(found).toEqual(['line 2: an IIN ending 0017', 'line 3: a password']);
    expect(found.join()).not.toContain('900101300017');
  });

  it('ignores 12-digit numbers that are not IINs and masked IINs', () => {
    expect(leaksIn(['order 123456789012', 'iin ********0017'], [])).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('the server log on %s', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('masks an IIN in a URL and never writes a password, even on failures', async () => {
    const api = new ApiClient(server.url);
    expect((await api.request('GET', '/api/v1/iin/900101300017')).status).toBe(200);
    expect((await api.request('GET', '/api/v1/iin/900101300018')).status).toBe(422);
    const wrong = await api.request('POST', '/api/v1/auth/login', {
      username: 'akimat',
      password: 'wrong-password-9',
    });
    expect(wrong.status).toBe(401);
    await api.login('akimat', server.demoPassword);
    expect(server.logs.join('\n')).toContain('0017');
    expect(leaksIn(server.logs, [server.demoPassword, 'wrong-password-9'])).toEqual([]);
  });
});
