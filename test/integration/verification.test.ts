/**
 * R-23 (issue 5, item 3 and its bad-input list): verifying certificates by QR text and by number + IIN, on both
 * databases — valid, revoked, superseded, tampered, unknown, key rotation, and the per-address rate limit.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyRing, rotateSigningKey } from '../../src/adapters/system/signing-keys';
import { decodeBase64url, encodeBase64url } from '../../src/domain/certificates/base64url';
import { buildQrText, encodeQrPayload, parseQrText } from '../../src/domain/certificates/qr-payload';
import { makeIin } from '../../src/domain/iin/iin';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import {
  insertIssuedDocument,
  revokeIssuedDocument,
  supersedeIssuedDocument,
  type TestDocument,
} from '../support/issued-documents';
import { startTestServer, type TestServer } from '../support/test-server';

const iin = (serial: number) => makeIin({ year: 1990, month: 1, day: 1 }, 'female', serial)!;
const IIN_A = iin(17);
const IIN_B = iin(18);
const IIN_C = iin(19);
const IIN_D = iin(21);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/;

/** Each test speaks from its own address, so the shared per-address limit never mixes tests. */
let nextAddress = 10;
const address = () => `198.51.100.${nextAddress++}`;

describe.each(DATABASE_KINDS)('certificate verification on %s (R-23)', (kind) => {
  let server: TestServer;
  let valid: TestDocument;
  let revoked: TestDocument;
  let old: TestDocument;
  let correction: TestDocument;

  const postQr = (text: unknown, remoteAddress = address()) =>
    server.app.inject({ method: 'POST', url: '/api/v1/verify/qr', payload: { text }, remoteAddress });
  const getByNumber = (number: string, holder: string, remoteAddress = address()) =>
    server.app.inject({
      method: 'GET',
      url: `/api/v1/verify?number=${encodeURIComponent(number)}&iin=${encodeURIComponent(holder)}`,
      remoteAddress,
    });

  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    const { db, deps } = server.runtime;
    valid = await insertIssuedDocument(db, deps.keyRing, { number: '113243-2026-000001', iin: IIN_A });
    revoked = await insertIssuedDocument(db, deps.keyRing, { number: '113243-2026-000002', iin: IIN_B });
    await revokeIssuedDocument(
      db,
      revoked,
      'Шаруашылық кітабындағы жазба қате болды',
      '2026-11-27T09:00:00+05:00',
    );
    old = await insertIssuedDocument(db, deps.keyRing, { number: '113243-2026-000003', iin: IIN_C });
    correction = await insertIssuedDocument(db, deps.keyRing, {
      number: '113243-2026-000004',
      iin: IIN_C,
      issuedAt: '2026-11-28T11:00:00+05:00',
    });
    await supersedeIssuedDocument(db, old, correction);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a valid certificate by its QR text over HTTP, with the minimal fields and no full IIN', async () => {
    // A cold territory cache reloads through the database: never from inside the verification's transaction
    // (PGlite's one connection would wait for itself).
    server.runtime.deps.territory.invalidate();
    const r = await new ApiClient(server.url).request('POST', '/api/v1/verify/qr', { text: valid.qrText });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      status: 'valid',
      certificate: {
        number: '113243-2026-000001',
        kind: 'certificate',
        issuedOn: '2026-11-25',
        issuer: '113243000',
        issuerName: { kk: 'Кенес ауылдық округі', ru: 'Кенесский с.о.' },
        initials: 'СБҚ',
        iinMasked: `********${IIN_A.slice(-4)}`,
        status: 'valid',
        revoked: null,
        supersededBy: null,
      },
    });
    expect(r.text).not.toMatch(TWELVE_DIGITS);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts the bare Q1 value as well as the whole URL', async () => {
    const bare = valid.qrText.slice(valid.qrText.indexOf('=') + 1);
    const r = await postQr(bare);
    expect(r.json().status).toBe('valid');
  });

  it('answers by number + IIN; a wrong IIN or number is unknown; a bad IIN or number is 422', async () => {
    const ok = await getByNumber(valid.number, IIN_A);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('valid');
    expect(ok.json().certificate.initials).toBe('СБҚ');
    expect(ok.body).not.toMatch(TWELVE_DIGITS);
    // Typed with spaces around it: the number is read as typed.
    expect((await getByNumber(` ${valid.number} `, IIN_A)).json().status).toBe('valid');
    expect((await getByNumber(valid.number, IIN_B)).json()).toEqual({ status: 'unknown', certificate: null });
    expect((await getByNumber('113243-2026-000999', IIN_A)).json()).toEqual({
      status: 'unknown',
      certificate: null,
    });
    const badIin = await getByNumber(valid.number, `${IIN_A.slice(0, 11)}${(Number(IIN_A[11]) + 1) % 10}`);
    expect(badIin.statusCode).toBe(422);
    expect(badIin.json().error.code).toBe('IIN.BAD_CHECK_DIGIT');
    const badNumber = await getByNumber('no-such-thing', IIN_A);
    expect(badNumber.statusCode).toBe(422);
    expect(badNumber.json().error.code).toBe('CERTIFICATE.BAD_NUMBER');
    const missing = await server.app.inject({
      method: 'GET',
      url: '/api/v1/verify?number=x',
      remoteAddress: address(),
    });
    expect(missing.statusCode).toBe(422);
  });

  it('shows a revoked certificate as revoked, with the reason and the date', async () => {
    for (const r of [await postQr(revoked.qrText), await getByNumber(revoked.number, IIN_B)]) {
      expect(r.statusCode).toBe(200);
      expect(r.json().status).toBe('revoked');
      expect(r.json().certificate.revoked).toEqual({
        on: '2026-11-27',
        reason: 'Шаруашылық кітабындағы жазба қате болды',
      });
    }
  });

  it('shows a corrected certificate as superseded, naming the new one, which is valid', async () => {
    const r = await postQr(old.qrText);
    expect(r.json().status).toBe('superseded');
    expect(r.json().certificate.supersededBy).toEqual({
      number: '113243-2026-000004',
      issuedOn: '2026-11-28',
    });
    expect((await getByNumber(correction.number, IIN_C)).json().status).toBe('valid');
  });

  it('answers invalid_signature for a tampered payload or signature; 422 for a QR that is not ours', async () => {
    const value = valid.qrText.slice(valid.qrText.indexOf('=') + 1);
    const [version, payload, signature] = value.split('.') as [string, string, string];
    // Another holder's last four digits, the rest as signed.
    const text = new TextDecoder().decode(decodeBase64url(payload));
    const forged = text.replace(/\|\d{4}\|/, '|9999|');
    expect(forged).not.toBe(text);
    const forgedPayload = encodeBase64url(new TextEncoder().encode(forged));
    const tampered = [
      `${version}.${forgedPayload}.${signature}`,
      `${version}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      `${version}.${payload.slice(0, -2)}.${signature}`,
      `${version}.${payload}.${signature.slice(0, 40)}`,
    ];
    for (const t of tampered) {
      const r = await postQr(`http://127.0.0.1/verify?c=${t}`);
      expect(r.statusCode, t).toBe(200);
      expect(r.json(), t).toEqual({ status: 'invalid_signature', certificate: null });
    }
    for (const notOurs of ['https://example.com/menu', 'hello', `Q2.${payload}.${signature}`]) {
      const r = await postQr(notOurs);
      expect(r.statusCode, notOurs).toBe(422);
      expect(r.json().error.code).toMatch(/^QR\./);
    }
    const empty = await server.app.inject({
      method: 'POST',
      url: '/api/v1/verify/qr',
      payload: {},
      remoteAddress: address(),
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers unknown for a correctly signed code of a document this database does not hold', async () => {
    const { deps } = server.runtime;
    const fields = {
      number: '113243-2026-000777',
      iinLast4: '0017',
      initials: 'АБ',
      issuer: '113243000',
      issuedOn: '2026-11-25',
      keyId: deps.keyRing.activeKeyId,
    } as const;
    const text = buildQrText(
      fields as never,
      deps.keyRing.sign(encodeQrPayload(fields as never)),
      'http://x',
    );
    expect((await postQr(text)).json()).toEqual({ status: 'unknown', certificate: null });
  });

  it('keeps verifying certificates signed with a retired key after a rotation, and learns the new key', async () => {
    const { db } = server.runtime;
    const before = await insertIssuedDocument(db, server.runtime.deps.keyRing, {
      number: '113243-2026-000010',
      iin: IIN_D,
    });
    // `qosalqy keys rotate`, as another process would run it: this server has not seen the new key.
    const newKeyId = await rotateSigningKey(db.kysely);
    const rotated = await loadKeyRing(db.kysely);
    expect(rotated.activeKeyId).toBe(newKeyId);
    const after = await insertIssuedDocument(db, rotated, { number: '113243-2026-000011', iin: IIN_D });
    expect(parseQrText(after.qrText).ok && parseQrText(before.qrText).ok).toBe(true);

    expect((await postQr(before.qrText)).json().status).toBe('valid');
    expect((await postQr(after.qrText)).json().status).toBe('valid');
    expect((await postQr(valid.qrText)).json().status).toBe('valid');

    const keys = await server.app.inject({ method: 'GET', url: '/.well-known/qosalqy/keys.json' });
    const published = keys.json().keys as { kid: string; retired: string | null }[];
    expect(published.map((k) => k.kid)).toContain(newKeyId);
    expect(published.filter((k) => k.retired === null).map((k) => k.kid)).toEqual([newKeyId]);
    expect(published.length).toBeGreaterThanOrEqual(2);

    // A key that was never published verifies nothing, even with a well-formed signature.
    const { privateKey } = generateKeyPairSync('ed25519');
    const fields = {
      number: '113243-2026-000010',
      iinLast4: IIN_D.slice(-4),
      initials: 'СБҚ',
      issuer: '113243000',
      issuedOn: '2026-11-25',
      keyId: 'k209901-ffffff',
    };
    const rogue = buildQrText(
      fields as never,
      new Uint8Array(sign(null, encodeQrPayload(fields as never), privateKey)),
      'http://127.0.0.1',
    );
    expect((await postQr(rogue)).json()).toEqual({ status: 'invalid_signature', certificate: null });
  });

  it('docs/verify-offline.mjs checks a certificate with the published keys and node:crypto alone', async () => {
    // After the rotation above: `valid` was signed with the key that is now retired.
    const keys = await server.app.inject({ method: 'GET', url: '/.well-known/qosalqy/keys.json' });
    const dir = mkdtempSync(path.join(tmpdir(), 'qosalqy-offline-'));
    const keysFile = path.join(dir, 'keys.json');
    writeFileSync(keysFile, keys.body);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'docs/verify-offline.mjs'), keysFile, ...args], {
        encoding: 'utf8',
      });
    const good = run(valid.qrText, IIN_A);
    expect(good.status, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({
      signature: 'valid',
      holderMatches: true,
      number: valid.number,
      iinLast4: IIN_A.slice(-4),
      initials: 'СБҚ',
      issuer: '113243000',
      issuedOn: '2026-11-25',
      keyId: expect.stringMatching(/^k\d{6}-[0-9a-f]{6}$/),
    });
    expect(run(valid.qrText, IIN_B).status).toBe(1);
    const value = valid.qrText.slice(valid.qrText.indexOf('=') + 1);
    const [version, payload, signature] = value.split('.') as [string, string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('2026-11-25', '2026-12-25'),
    ).toString('base64url');
    const tampered = run(`${version}.${forged}.${signature}`);
    expect(tampered.status).toBe(1);
    expect(JSON.parse(tampered.stdout).signature).toBe('invalid');
    expect(run('https://example.com/').status).toBe(2);
  });

  it('answers 429 with Retry-After to 100 requests a second from one address; others are unaffected', async () => {
    const flood = address();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0 ? postQr(valid.qrText, flood) : getByNumber(valid.number, IIN_A, flood),
      ),
    );
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(20);
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited[0]!.json().error.code).toBe('RATE_LIMITED');
    expect((await postQr(valid.qrText)).statusCode).toBe(200);
  });

  it('audits every answered verification without an IIN, and logs no IIN', async () => {
    const rows = await sql<{
      action: string;
      subject_id: string | null;
      details: unknown;
      ip: string | null;
    }>`
      select action, subject_id, details, ip from audit_log where action = 'certificate.verify'`.execute(
      server.runtime.db.kysely,
    );
    expect(rows.rows.length).toBeGreaterThan(10);
    const statuses = new Set(rows.rows.map((r) => (r.details as { status: string }).status));
    for (const s of ['valid', 'revoked', 'superseded', 'invalid_signature', 'unknown'])
      expect(statuses).toContain(s);
    expect(JSON.stringify(rows.rows)).not.toMatch(TWELVE_DIGITS);
    expect(rows.rows.some((r) => r.subject_id === valid.number && r.ip?.startsWith('198.51.100.'))).toBe(
      true,
    );
    const leaked = server.logs.join('').match(new RegExp(TWELVE_DIGITS.source, 'g')) ?? [];
    expect(leaked.filter((d) => [IIN_A, IIN_B, IIN_C, IIN_D].includes(d as never))).toEqual([]);
  });
});
