/**
 * Named prepared statements on a real PostgreSQL (ADR 0009): repeated statements are prepared once per connection,
 * the results are the same as unnamed, a failed statement leaves the connection usable, and a migration that adds a
 * column under a prepared `select *` costs at most the one statement inside a transaction. On PGlite the same
 * queries run unnamed (nothing to check there but the results).
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/adapters/db/database';
import { createEmptyPostgresDatabase, DATABASE_KINDS, dropPostgresDatabase } from '../support/databases';

describe.each(DATABASE_KINDS)('repeated statements on %s', (kind) => {
  let db: Db | undefined;
  let url: string | undefined;
  afterEach(async () => {
    await db?.close();
    if (url) await dropPostgresDatabase(url);
    db = undefined;
    url = undefined;
  });

  async function open(preparedStatements = true): Promise<Db> {
    if (kind === 'postgres') url = await createEmptyPostgresDatabase();
    // One connection, so that pg_prepared_statements (per connection) shows what every query left there.
    db = await openDatabase(
      kind === 'postgres' ? { url, poolSize: 1, preparedStatements } : { dataDir: 'memory://' },
    );
    await sql`create table t (id int primary key, a text not null)`.execute(db.kysely);
    return db;
  }

  const prepared = async (d: Db) =>
    (
      await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(d.kysely)
    ).rows.map((r) => r.name);

  const row = (d: Db, id: number) =>
    sql<Record<string, unknown>>`select * from t where id = ${id}`.execute(d.kysely);

  it('are prepared once per connection and answer as before', async () => {
    const d = await open();
    for (let i = 1; i <= 5; i++)
      await sql`insert into t (id, a) values (${i}, ${`row ${i}`})`.execute(d.kysely);
    for (let i = 1; i <= 5; i++) expect((await row(d, i)).rows).toEqual([{ id: i, a: `row ${i}` }]);
    expect((await row(d, 99)).rows).toEqual([]);
    if (kind === 'postgres') expect(await prepared(d)).toEqual(['qosalqy_1', 'qosalqy_2']);
  });

  it('leave the connection usable after a statement fails', async () => {
    const d = await open();
    for (let i = 1; i <= 3; i++) await sql`insert into t (id, a) values (${i}, ${'x'})`.execute(d.kysely);
    await expect(
      sql`insert into t (id, a) values (${1}, ${'again'})`.execute(d.kysely),
    ).rejects.toMatchObject({
      code: '23505',
    });
    await expect(
      d.kysely.transaction().execute(async (trx) => {
        await sql`insert into t (id, a) values (${10}, ${'in a transaction'})`.execute(trx);
        await sql`insert into t (id, a) values (${2}, ${'duplicate'})`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await sql`insert into t (id, a) values (${4}, ${'after'})`.execute(d.kysely);
    const ids = (await sql<{ id: number }>`select id from t order by id`.execute(d.kysely)).rows.map(
      (r) => r.id,
    );
    expect(ids).toEqual([1, 2, 3, 4]);
  });

  it('survive a column added under a prepared select *', async () => {
    const d = await open();
    await sql`insert into t (id, a) values (${1}, ${'one'})`.execute(d.kysely);
    await row(d, 1);
    await row(d, 1);
    await sql`alter table t add column b int not null default 7`.execute(d.kysely);
    // Outside a transaction the query is sent again under a new name.
    expect((await row(d, 1)).rows).toEqual([{ id: 1, a: 'one', b: 7 }]);
    await sql`alter table t add column c int not null default 8`.execute(d.kysely);
    // Inside one, the statement fails once (the transaction is aborted); the next transaction works.
    const inTransaction = () => d.kysely.transaction().execute((trx) => row({ ...d, kysely: trx } as Db, 1));
    if (kind === 'postgres') await expect(inTransaction()).rejects.toMatchObject({ code: '0A000' });
    expect((await inTransaction()).rows).toEqual([{ id: 1, a: 'one', b: 7, c: 8 }]);
  });

  // PostgreSQL only (a separate table of kinds, so that nothing is skipped on PGlite).
  if (kind === 'postgres') {
    it('are not named when switched off', async () => {
      const d = await open(false);
      for (let i = 1; i <= 3; i++) await row(d, i);
      expect(await prepared(d)).toEqual([]);
    });
  }
});
