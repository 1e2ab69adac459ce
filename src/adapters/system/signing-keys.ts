/**
 * Ed25519 keys that sign certificate QR payloads, with rotation: the newest active key signs, every key
 * ever used keeps verifying. Keys live in the database so every instance signs and verifies alike; they are
 * loaded once per process and reloaded after a rotation.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

export interface PublicKeyInfo {
  readonly keyId: string;
  /** JWK (OKP, Ed25519): what a bank's offline verifier needs. */
  readonly jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

export interface KeyRing {
  readonly activeKeyId: string;
  sign(bytes: Uint8Array): Uint8Array;
  verify(bytes: Uint8Array, signature: Uint8Array, keyId: string): boolean;
  publicKeys(): readonly PublicKeyInfo[];
}

interface KeyRow {
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: Date | string;
  retired_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function createSigningKey(db: Kysely<Database>): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = `k${new Date().toISOString().slice(0, 7).replace('-', '')}-${randomBytes(3).toString('hex')}`;
  await sql`insert into signing_keys (key_id, public_key, private_key)
    values (${keyId}, ${publicKey.export({ type: 'spki', format: 'pem' }).toString()},
            ${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()})`.execute(db);
  return keyId;
}

/** Retires the active key(s) and makes a new one (`qosalqy keys rotate`). Old certificates keep verifying. */
export async function rotateSigningKey(db: Kysely<Database>): Promise<string> {
  await sql`update signing_keys set retired_at = now() where retired_at is null`.execute(db);
  return createSigningKey(db);
}

export async function loadKeyRing(db: Kysely<Database>): Promise<KeyRing> {
  let rows = (
    await sql<KeyRow>`select key_id, public_key, private_key, created_at, retired_at
    from signing_keys order by created_at`.execute(db)
  ).rows;
  if (!rows.some((r) => r.retired_at === null)) {
    await createSigningKey(db);
    rows = (
      await sql<KeyRow>`select key_id, public_key, private_key, created_at, retired_at
      from signing_keys order by created_at`.execute(db)
    ).rows;
  }
  const publicKeys = new Map<string, KeyObject>(rows.map((r) => [r.key_id, createPublicKey(r.public_key)]));
  const active = rows.filter((r) => r.retired_at === null).at(-1)!;
  const activePrivate = createPrivateKey(active.private_key);
  const infos: PublicKeyInfo[] = rows.map((r) => {
    const jwk = publicKeys.get(r.key_id)!.export({ format: 'jwk' }) as { x: string };
    return {
      keyId: r.key_id,
      jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: r.key_id, use: 'sig', alg: 'EdDSA' },
      createdAt: iso(r.created_at)!,
      retiredAt: iso(r.retired_at),
    };
  });
  return {
    activeKeyId: active.key_id,
    sign: (bytes) => new Uint8Array(sign(null, bytes, activePrivate)),
    verify(bytes, signature, keyId) {
      const key = publicKeys.get(keyId);
      if (!key || signature.length !== 64) return false;
      try {
        return verify(null, bytes, key, signature);
      } catch {
        return false;
      }
    },
    publicKeys: () => infos,
  };
}
