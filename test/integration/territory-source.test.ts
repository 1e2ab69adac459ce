import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { territoryRepository } from '../../src/adapters/db/repositories/territory.repository';
import { TERRITORY_CHECK_MS, territorySource } from '../../src/adapters/reference/territory-source';
import type { KatoNode } from '../../src/domain/territory/kato-node';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

// The territory index held by an instance: rebuilt only when the classifier's rows changed — another
// instance's import shows within about a minute, an unchanged table keeps the very same index (rebuilding it
// every minute stopped the event loop for 60–120 ms each time).

const node = (
  code: string,
  parentCode: string | null,
  level: 1 | 2 | 3,
  kk: string,
  ru: string,
): KatoNode => ({
  code,
  parentCode,
  level,
  kind: level === 1 ? 'oblast' : level === 2 ? 'district' : 'rural_district',
  names: { kk, ru },
  isServiceProvider: level === 3,
  validFrom: null,
  validTo: null,
  history: [],
});

const TREE = [
  node('110000000', null, 1, 'Ақмола облысы', 'Акмолинская область'),
  node('113200000', '110000000', 2, 'Бұланды ауданы', 'Буландынский район'),
  node('113243000', '113200000', 3, 'Кенес ауылдық округі', 'Кенесский с.о.'),
];

/** Lets the background look (a query or two) finish. */
async function settle(until: () => Promise<boolean>) {
  for (let i = 0; i < 100 && !(await until()); i++) await new Promise((r) => setTimeout(r, 20));
}

describe.each(DATABASE_KINDS)('the territory index held by an instance, on %s', (kind) => {
  let t: TestDatabase;
  let clock: number;
  beforeAll(async () => {
    t = await freshDatabase(kind);
  });
  beforeEach(async () => {
    await territoryRepository(t.db.kysely).replaceAll(TREE);
    clock = 1_000_000;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const kk = async (source: ReturnType<typeof territorySource>) =>
    (await source.index()).find('113243000')?.names.kk;

  it('keeps the same index while the table is unchanged, past the minute', async () => {
    const source = territorySource(t.db.kysely, () => clock);
    const first = await source.index();
    expect(first.find('113243000')?.names.kk).toBe('Кенес ауылдық округі');
    clock += TERRITORY_CHECK_MS + 1;
    expect(await source.index()).toBe(first);
    await new Promise((r) => setTimeout(r, 200));
    expect(await source.index()).toBe(first);
  });

  it("picks up another instance's import after the minute, not before, without making a request wait", async () => {
    const source = territorySource(t.db.kysely, () => clock);
    const first = await source.index();
    // Another instance renames the akimat (an import writes every row anew).
    await territoryRepository(t.db.kysely).replaceAll([
      ...TREE.slice(0, 2),
      { ...TREE[2]!, names: { kk: 'Кенес ауылдық округі (жаңа)', ru: 'Кенесский с.о. (новый)' } },
    ]);
    clock += TERRITORY_CHECK_MS - 1;
    expect(await kk(source)).toBe('Кенес ауылдық округі');
    clock += 2;
    // The request that notices the minute has passed is answered from the index held.
    expect(await source.index()).toBe(first);
    await settle(async () => (await kk(source)) !== 'Кенес ауылдық округі');
    expect(await kk(source)).toBe('Кенес ауылдық округі (жаңа)');
  });

  it('sees a change to a single row too', async () => {
    const source = territorySource(t.db.kysely, () => clock);
    await source.index();
    await sql`update kato_nodes set name_kk = 'Кенес' where code = '113243000'`.execute(t.db.kysely);
    clock += TERRITORY_CHECK_MS + 1;
    await source.index();
    await settle(async () => (await kk(source)) === 'Кенес');
    expect(await kk(source)).toBe('Кенес');
  });

  it('rebuilds at once after invalidate (the importing instance)', async () => {
    const source = territorySource(t.db.kysely, () => clock);
    const first = await source.index();
    await sql`update kato_nodes set name_kk = 'Кенес' where code = '113243000'`.execute(t.db.kysely);
    source.invalidate();
    const next = await source.index();
    expect(next).not.toBe(first);
    expect(next.find('113243000')?.names.kk).toBe('Кенес');
  });
});
