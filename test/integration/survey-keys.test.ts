/**
 * R-19 on both databases: a survey's uniqueness key is keyed with the server's secret (HMAC), so knowing an
 * application id is not enough to find its answer; migration 0020 keys the answers stored before in the same
 * form, so a subject answered before the change still cannot be answered twice.
 */
import { createHash, createHmac } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '../../src/adapters/db/migrate';
import { makeDeps } from '../../src/adapters/runtime';
import { fastTestPasswords } from '../../src/adapters/system/system';
import type { Deps } from '../../src/app/ports';
import { submitSurvey } from '../../src/app/surveys/submit-survey';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

const IIN = '900101300017';
const BEFORE = '6f1d2c3b-0000-4000-8000-0000000000a1'; // answered before migration 0020
const AFTER = '6f1d2c3b-0000-4000-8000-0000000000a2'; // answered after it
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const scores = { '2.1': 5, '3.1': 4, '5.1': 5 };

describe.each(DATABASE_KINDS)('survey subject keys on %s (R-19)', (kind) => {
  let test: TestDatabase;
  let deps: Deps;
  let secret = '';
  const keys = async () =>
    (await test.db.kysely.selectFrom('surveys').select(['subject_key']).execute()).map((r) => r.subject_key);

  beforeAll(async () => {
    test = await freshDatabase(kind, { migrated: false });
    // The schema as it was before 0020, and an answer stored the old way.
    const before = mkdtempSync(path.join(tmpdir(), 'qosalqy-migrations-'));
    try {
      for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f < '0020')) {
        cpSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
      }
      await migrate(test.db, before);
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
    const db = test.db.kysely;
    for (const id of [BEFORE, AFTER]) {
      await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                  received_at, state)
                values (${id}, 'akimat', 'certificate_issued', ${IIN}, 'Test', '113243000', now(), '{}'::jsonb)`.execute(
        db,
      );
    }
    await sql`insert into surveys (id, subject, subject_key, office_kato, office_id, answered_on, q_2_1, q_3_1, q_5_1)
              values (gen_random_uuid(), 'application', ${sha256(`survey:application:${BEFORE}`)}, '113243000',
                'akimat-113243000', '2026-03-02', 5, 5, 5)`.execute(db);
    // Then the migration.
    // (and the ones after it)
    expect((await migrate(test.db)).applied[0]).toBe('0020_survey_subject_key');
    deps = await makeDeps(test.db, fastTestPasswords);
    const row = await sql<{ value: string }>`
      select value from server_secrets where name = 'survey_subject_key'`.execute(db);
    secret = row.rows[0]!.value;
  }, 120_000);
  afterAll(async () => test?.drop());

  it('makes a secret of 48 random bytes, once', async () => {
    expect(secret).toMatch(/^[0-9a-f]{96}$/);
    expect((await migrate(test.db)).applied).toEqual([]);
  });

  it('keys the answer stored before: no unkeyed key is left, and it is the key a new answer would get', async () => {
    const legacy = sha256(`survey:application:${BEFORE}`);
    expect(await keys()).toEqual([createHmac('sha256', secret).update(legacy).digest('hex')]);
    expect(await keys()).not.toContain(legacy);
    // The SQL HMAC of the migration and node's agree, so the subject answered before stays answered.
    const again = await submitSurvey(
      deps,
      { subject: 'application', reference: BEFORE, iin: IIN, scores },
      null,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'SURVEY.ALREADY_ANSWERED' } });
  });

  it('keys a new answer with the secret: the application id alone does not find it', async () => {
    const first = await submitSurvey(
      deps,
      { subject: 'application', reference: AFTER, iin: IIN, scores },
      null,
    );
    expect(first.ok).toBe(true);
    const unkeyed = sha256(`survey:application:${AFTER}`);
    const stored = await keys();
    expect(stored).toHaveLength(2);
    expect(stored).not.toContain(unkeyed);
    expect(stored).toContain(createHmac('sha256', secret).update(unkeyed).digest('hex'));
    const second = await submitSurvey(
      deps,
      { subject: 'application', reference: AFTER, iin: IIN, scores },
      null,
    );
    expect(second).toMatchObject({ ok: false, error: { code: 'SURVEY.ALREADY_ANSWERED' } });
  });
});
