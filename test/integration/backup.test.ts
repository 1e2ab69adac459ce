/**
 * `qosalqy backup` / `restore` (issue 10 item 7): a backup restored into an empty database — of the same engine
 * and of the other one — holds exactly the same rows, the audit chain still verifies, and a restore that
 * cannot finish changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, databaseDigest, restoreDatabase } from '../../src/adapters/db/backup';
import type { DatabaseKind } from '../../src/adapters/db/database';
import { generatorNames } from '../../src/adapters/reference/names';
import { referenceSources } from '../../src/adapters/reference/reference-files';
import { makeDeps } from '../../src/adapters/runtime';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain';
import { seedDemoUsers } from '../../src/app/demo/seed-demo';
import { generateHouseholdBook } from '../../src/app/households/generate-households';
import { ensureReferenceData } from '../../src/app/reference/ensure-reference-data';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

const dir = mkdtempSync(path.join(tmpdir(), 'qosalqy-backup-'));
const NO_SHARED = path.join(dir, 'no-shared'); // the built-in territory only: quick and CI-independent

async function populated(kind: DatabaseKind): Promise<TestDatabase> {
  const t = await freshDatabase(kind);
  const deps = await makeDeps(t.db);
  await ensureReferenceData(deps, referenceSources(NO_SHARED));
  await seedDemoUsers(deps, 'demo-password-1');
  await generateHouseholdBook(deps, {
    count: 60,
    seed: 'backup',
    referenceYear: 2026,
    names: generatorNames(),
  });
  // A corrected certificate: the old document points at the new one (a self-reference the restore must order).
  const app = '00000000-0000-4000-8000-000000000001';
  await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato, received_at, state)
            values (${app}, 'akimat', 'issued', '900101300017', 'Тест Тестов', '113243000', now(), '{}'::jsonb)`.execute(
    t.db.kysely,
  );
  const doc = (id: string, seq: number, status: string, supersededBy: string | null) =>
    sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin, issued_at,
          issued_by, content, status, superseded_by)
        values (${id}, 'certificate', ${`113243000-2026-${seq}`}, '113243000', 2026, ${seq}, ${app}, '900101300017',
          now(), 'akimat', '{"lang":"kk","items":[1.5, "Құрбан"]}'::jsonb, ${status}, ${supersededBy})`.execute(
      t.db.kysely,
    );
  const newer = '00000000-0000-4000-8000-0000000000b2';
  await doc(newer, 2, 'valid', null);
  await doc('00000000-0000-4000-8000-0000000000a1', 1, 'superseded', newer);
  return t;
}

describe.each(DATABASE_KINDS)('backup and restore from %s', { timeout: 240_000 }, (kind) => {
  let source: TestDatabase;
  const file = path.join(dir, `${kind}.ndjson.gz`);
  const targets: TestDatabase[] = [];

  beforeAll(async () => {
    source = await populated(kind);
  }, 180_000);
  afterAll(async () => {
    for (const t of [source, ...targets]) await t?.drop();
  });

  it.each(DATABASE_KINDS)('round-trips into an empty %s database, row for row', async (targetKind) => {
    const counts = await backupDatabase(source.db, file);
    expect(counts.households).toBe(60);
    const target = await freshDatabase(targetKind);
    targets.push(target);
    await restoreDatabase(target.db, file);
    expect(await databaseDigest(target.db)).toEqual(await databaseDigest(source.db));
    const verdict = await verifyAuditChain(await makeDeps(target.db));
    expect(verdict.ok).toBe(true);
    // The serial sequences moved past the restored rows: the next audit row does not collide.
    await makeDeps(target.db).then((deps) =>
      deps.uow.run((repos) =>
        repos.audit.append({
          actorId: null,
          actorRole: 'cli',
          action: 'test.after_restore',
          subjectType: 'test',
          subjectId: '1',
          ip: null,
          outcome: 'success',
          details: {},
        }),
      ),
    );
  });

  it('refuses a database that holds data, and --replace replaces it', async () => {
    await backupDatabase(source.db, file);
    const target = await freshDatabase(kind);
    targets.push(target);
    await makeDeps(target.db).then((deps) => seedDemoUsers(deps, 'other-password-1'));
    const before = await databaseDigest(target.db);
    await expect(restoreDatabase(target.db, file)).rejects.toMatchObject({ code: 'BACKUP.TARGET_NOT_EMPTY' });
    expect(await databaseDigest(target.db)).toEqual(before);
    await restoreDatabase(target.db, file, { replace: true });
    expect(await databaseDigest(target.db)).toEqual(await databaseDigest(source.db));
  });

  it('a truncated or foreign file changes nothing', async () => {
    const target = await freshDatabase(kind);
    targets.push(target);
    const before = await databaseDigest(target.db);
    const foreign = path.join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target.db, foreign)).rejects.toBeInstanceOf(BackupError);
    const { readFileSync } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    const whole = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const truncated = path.join(dir, 'truncated.gz');
    writeFileSync(truncated, gzipSync(whole.slice(0, Math.floor(whole.length * 0.8)).join('\n')));
    await expect(restoreDatabase(target.db, truncated)).rejects.toMatchObject({ code: 'BACKUP.BAD_FILE' });
    expect(await databaseDigest(target.db)).toEqual(before);
  });
});
