import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatorNames } from '../../src/adapters/reference/names';
import { demoBookRecordedAt, seedDemoActivity } from '../../src/app/demo/demo-activity';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import { generateHouseholdBook } from '../../src/app/households/generate-households';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

/** Friday 27 November 2026, 12:00 in Almaty. */
const NOW = new Date('2026-11-27T07:00:00Z');

describe.each(DATABASE_KINDS)('the demo activity on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock: { now: () => NOW } });
    // Recorded when the demo's own book is: at the start of its past.
    const at = demoBookRecordedAt(NOW);
    await generateHouseholdBook(
      { ...server.runtime.deps, clock: { now: () => at } },
      {
        count: 40,
        seed: 'demo-activity-test',
        withinKato: DEMO_TERRITORY.akimatKato,
        referenceYear: 2026,
        names: generatorNames(),
      },
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves people at the counter and takes PSC applications through the whole path, once', async () => {
    const deps = server.runtime.deps;
    const seeded = await seedDemoActivity(deps);
    expect(seeded?.applications).toBeGreaterThan(100);
    const all = await deps.uow.run((repos) =>
      repos.applications.list({ akimatKato: DEMO_TERRITORY.akimatKato, limit: 1000, offset: 0 }),
    );
    expect(all.total).toBe(seeded!.applications);
    const byStatus = new Map<string, number>();
    for (const a of all.applications)
      byStatus.set(`${a.channel} ${a.status}`, (byStatus.get(`${a.channel} ${a.status}`) ?? 0) + 1);
    // Most PSC applications reached the applicant, the last days' are still on their way; the counter's ended
    // in a certificate or a refusal in the same visit.
    expect([...byStatus.keys()]).toEqual(
      expect.arrayContaining(['akimat certificate_issued', 'psc handed_over', 'psc sent_to_akimat']),
    );
    for (const key of byStatus.keys())
      expect([
        'akimat certificate_issued',
        'akimat refused',
        'psc handed_over',
        'psc returned_to_psc',
        'psc sent_to_akimat',
      ]).toContain(key);
    expect(byStatus.get('psc handed_over')).toBeGreaterThan(40);
    // The surveys went through their use case without one refusal.
    expect(seeded!.failed).toEqual([]);
    expect(seeded!.surveys).toBeGreaterThan(20);
    // A second start finds the past already there.
    expect(await seedDemoActivity(deps)).toBeUndefined();
  });

  it('gives the ministry indicators for the month', async () => {
    const ministry = new ApiClient(server.url);
    expect((await ministry.login('ministry', server.demoPassword)).status).toBe(200);
    const r = await ministry.request('GET', '/api/v1/indicators?period=2026-11');
    expect(r.status).toBe(200);
    const timely = r.json.total.indicators.find((c: { code: string }) => c.code === '1.1');
    expect(timely.value.kind).toBe('value');
    expect(timely.value.denominator).toBeGreaterThan(50);
    // Some PSC applications were decided a day late on purpose: not all on time.
    expect(timely.value.numerator).toBeLessThan(timely.value.denominator);
    // The queue: eight people a day at one desk, some waiting more than ten minutes.
    const waited = r.json.total.indicators.find((c: { code: string }) => c.code === '1.2');
    expect(waited.value.kind).toBe('value');
    expect(waited.value.denominator).toBeGreaterThan(100);
    expect(waited.value.numerator).toBeLessThan(waited.value.denominator);
    // Surveys after the services: satisfaction, information, politeness.
    for (const code of ['2.1', '3.1', '5.1']) {
      const v = r.json.total.indicators.find((c: { code: string }) => c.code === code).value;
      expect(v.kind, code).toBe('value');
      expect(v.denominator, code).toBeGreaterThan(10);
    }
  });
});
