/** The real clock, random ids and tokens, sha256 and argon2id: the side-effecting parts the use cases ask for. */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { v7 as uuidv7 } from 'uuid';
import type { Clock, Hasher, IdGenerator, PasswordHasher } from '../../app/ports';

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = {
  uuid: () => randomUUID(),
  timeOrderedUuid: () => uuidv7(),
  token: () => randomBytes(32).toString('base64url'),
};

export const sha256Hasher: Hasher = {
  sha256: (text) => createHash('sha256').update(text).digest('hex'),
  hmacSha256: (key, text) => createHmac('sha256', key).update(text).digest('hex'),
};

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum. */
export const argon2Passwords: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id }),
  async verify(hash, password) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

/** Cheaper parameters for tests only, so suites that create many users stay fast. Never used by `serve`. */
export const fastTestPasswords: PasswordHasher = {
  hash: (password) =>
    argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  verify: argon2Passwords.verify,
};
