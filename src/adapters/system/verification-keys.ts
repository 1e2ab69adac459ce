/**
 * The key ring of a running instance, reloadable (R-23: rotation). `qosalqy keys rotate` — or another instance —
 * may add a key after this process started; a QR signed with it names a key id this process has not seen. The
 * verifier then asks for `refresh()`, which reloads the keys from the database at most once per
 * `minIntervalMs`, so a flood of forged codes with made-up key ids costs one query per interval, not one each.
 * Everything else delegates to the ring loaded last: after a refresh, this instance also signs with the newest
 * key and publishes it at /.well-known/qosalqy/keys.json.
 */
import type { Kysely } from 'kysely';
import type { VerificationKeys } from '../../app/ports';
import type { Database } from '../db/schema';
import { type KeyRing, loadKeyRing } from './signing-keys';

export interface ReloadableKeyRing extends KeyRing, VerificationKeys {}

export function reloadableKeyRing(
  db: Kysely<Database>,
  initial: KeyRing,
  options: { minIntervalMs?: number; now?: () => number } = {},
): ReloadableKeyRing {
  const minIntervalMs = options.minIntervalMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  let ring = initial;
  let lastReload = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  const known = () => new Set(ring.publicKeys().map((k) => k.keyId));
  let knownIds = known();

  return {
    get activeKeyId() {
      return ring.activeKeyId;
    },
    sign: (bytes) => ring.sign(bytes),
    verify: (bytes, signature, keyId) => ring.verify(bytes, signature, keyId),
    publicKeys: () => ring.publicKeys(),
    has: (keyId) => knownIds.has(keyId),
    refresh() {
      if (inFlight) return inFlight;
      if (now() - lastReload < minIntervalMs) return Promise.resolve();
      lastReload = now();
      inFlight = loadKeyRing(db)
        .then((next) => {
          ring = next;
          knownIds = known();
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
}
