import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTerritory } from '../../src/app/reference/import-territory';
import { plainDate } from '../../src/domain/shared/plain-date';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

// The akimat printed on a certificate comes from the directory, held per process (deps.akimatNames): an
// import of the territory that renames the akimat shows on the next certificate of the importing instance.

const KENES = '113243000';
const HEAD = { iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар' };

describe.each(DATABASE_KINDS)('the akimat printed on documents on %s', (kind) => {
  let server: TestServer;
  let akimat: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    akimat = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
    const created = await akimat.request('POST', '/api/v1/households', {
      household: {
        bookNumber: '7',
        accountNumber: '702',
        akimatKato: KENES,
        settlementKato: '113243100',
        address: 'Домбыралы ауылы, Бейбітшілік көшесі, 5',
        status: 'open',
        members: [{ ...HEAD, relation: 'head', joinedOn: '2010-04-01' }],
        yearlyRecords: [
          {
            referenceYear: 2026,
            landPlots: [{ purpose: 'homestead', areaHa: 0.1 }],
            livestock: {},
            machinery: [],
          },
        ],
      },
      reason: 'book',
    });
    expect(created.status, created.text).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  const issue = async () => {
    const r = await akimat.request('POST', '/api/v1/akimat/applications', {
      applicant: HEAD,
      identityDocumentShown: true,
    });
    expect(r.status, r.text).toBe(201);
    const { rows } = await sql<{ kk: string; ru: string }>`
      select content->'akimat'->'name'->>'kk' as kk, content->'akimat'->'name'->>'ru' as ru
      from issued_documents where id = ${r.json.document.id}`.execute(server.runtime.db.kysely);
    return rows[0]!;
  };

  it('prints the new name on the next certificate after a territory import renames the akimat', async () => {
    const before = await issue();
    expect(before.kk).toBe('Кенес ауылдық округі әкімінің аппараты');
    expect(await issue()).toEqual(before);

    const deps = server.runtime.deps;
    const nodes = await deps.uow.read((repos) => repos.territory.all());
    const renamed = nodes
      .filter((n) => n.validTo === null)
      .map((n) =>
        n.code === KENES
          ? { ...n, names: { kk: 'Жаңа Кенес ауылдық округі', ru: 'Новокенесский сельский округ' } }
          : n,
      );
    const imported = await importTerritory(deps, {
      incoming: renamed,
      asOf: plainDate(2026, 6, 1),
      dryRun: false,
      actor: { actorId: null, actorRole: 'admin', ip: null },
    });
    expect(imported.ok && imported.value.renamed, JSON.stringify(imported)).toBe(1);

    expect(await issue()).toEqual({
      kk: 'Жаңа Кенес ауылдық округі әкімінің аппараты',
      ru: 'Аппарат акима: Новокенесский сельский округ',
    });
  });
});
