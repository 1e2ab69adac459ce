/**
 * The composition root: opens the database, migrates it, wires the adapters into the use cases' Deps and
 * builds the HTTP server. The CLI and the tests start Qosalqy through here, so they run the same code.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Deps, PasswordHasher } from '../app/ports';
import { akimatNamesCache } from '../app/reference/akimat-names';
import { DEFAULT_QUEUE_RULES } from '../domain/queue';
import { type KeyRing, loadKeyRing } from './system/signing-keys';
import { reloadableKeyRing } from './system/verification-keys';
import { type Db, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { auditReader } from './db/repositories/audit.repository';
import { queueFeedFor } from './db/queue-feed';
import { unitOfWork } from './db/unit-of-work';
import { calendarSource } from './reference/calendar-source';
import { speciesCatalogue } from './reference/species';
import { territorySource } from './reference/territory-source';
import { buildServer } from './http/server';
import type { Config } from './system/config';
import { argon2Passwords, randomIds, sha256Hasher, systemClock } from './system/system';

export interface Runtime {
  readonly db: Db;
  readonly deps: Deps & { keyRing: KeyRing };
  close(): Promise<void>;
}

export async function makeDeps(
  db: Db,
  passwords: PasswordHasher = argon2Passwords,
  publicBaseUrl = 'http://localhost:3000',
): Promise<Deps & { keyRing: KeyRing }> {
  // Reloadable: a key rotated by another process is picked up when a QR names it.
  const keyRing = reloadableKeyRing(db.kysely, await loadKeyRing(db.kysely));
  const now = () => systemClock.now();
  return {
    uow: unitOfWork(db.kysely, now),
    clock: systemClock,
    ids: randomIds,
    hasher: sha256Hasher,
    passwords,
    auditReader: auditReader(db.kysely),
    calendar: calendarSource(db.kysely),
    territory: territorySource(db.kysely),
    akimatNames: akimatNamesCache(),
    species: speciesCatalogue(),
    signer: keyRing,
    verificationKeys: keyRing,
    keyRing,
    publicBaseUrl,
    queueFeed: queueFeedFor(db),
    queueRules: DEFAULT_QUEUE_RULES,
  };
}

export async function openRuntime(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'publicBaseUrl' | 'pgPreparedStatements'>>,
  options: { passwords?: PasswordHasher; pgliteDir?: string } = {},
): Promise<Runtime> {
  const db = await openDatabase({
    url: config.databaseUrl,
    ...(config.pgPreparedStatements === false ? { preparedStatements: false } : {}),
    dataDir: options.pgliteDir ?? `${config.dataDir}/pgdata`,
  });
  await migrate(db);
  const deps = await makeDeps(db, options.passwords, config.publicBaseUrl);
  return { db, deps, close: () => db.close() };
}

/** A secret all instances share: created by whichever instance starts first. */
export async function sharedSecret(db: Db, name: string): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await sql`insert into server_secrets (name, value) values (${name}, ${candidate}) on conflict (name) do nothing`.execute(
    db.kysely,
  );
  const row = await sql<{ value: string }>`select value from server_secrets where name = ${name}`.execute(
    db.kysely,
  );
  return row.rows[0]!.value;
}

export async function buildApp(
  runtime: Runtime,
  config: Pick<Config, 'publicBaseUrl' | 'logLevel' | 'trustProxy'>,
  extra: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  return buildServer({
    deps: runtime.deps,
    databaseKind: runtime.db.kind,
    publicBaseUrl: config.publicBaseUrl,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    csrfHmacKey: await sharedSecret(runtime.db, 'csrf_hmac'),
    keyRing: runtime.deps.keyRing,
    ...(extra.logStream ? { logStream: extra.logStream } : {}),
  });
}
