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
    // Surveys and complaints went through their use cases without one refusal.
    expect(seeded!.failed).toEqual([]);
    expect(seeded!.surveys).toBeGreaterThan(20);
    expect(seeded!.complaints).toBeGreaterThanOrEqual(6);
    expect(seeded!.complaints).toBeLessThanOrEqual(25);
    expect(seeded!.answered).toBeLessThan(seeded!.complaints);
    // A second start finds the past already there.
    expect(await seedDemoActivity(deps)).toBeUndefined();
  });

  it('leaves complaints answered, escalated and still open in the lists of their reviewers and the citizen', async () => {
    const kysely = server.runtime.db.kysely;
    const rows = await kysely
      .selectFrom('complaints')
      .select(['status', 'reviewer_level', 'channel', 'due_at', 'answered_at', 'escalated_at'])
      .execute();
    // Answered by the rural akim's officer, the PSC director and the district akim; online and at the office.
    const answeredBy = new Set(rows.filter((c) => c.status === 'answered').map((c) => c.reviewer_level));
    expect([...answeredBy].sort()).toEqual(['akimat', 'district', 'psc']);
    expect(new Set(rows.map((c) => c.channel))).toEqual(new Set(['office', 'online']));
    // One escalated by the evening sweep and answered late; the last days' still open.
    const late = rows.filter((c) => c.answered_at && new Date(c.answered_at) > new Date(c.due_at));
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(late.every((c) => c.escalated_at !== null && c.reviewer_level === 'district')).toBe(true);
    expect(rows.some((c) => c.status !== 'answered')).toBe(true);
    // The citizen sees their own open complaint.
    const citizen = new ApiClient(server.url);
    expect((await citizen.login('citizen', server.demoPassword)).status).toBe(200);
    const mine = await citizen.request('GET', '/api/v1/complaints?open=true');
    expect(mine.status).toBe(200);
    expect(mine.json.complaints.length).toBeGreaterThanOrEqual(1);
    // Low scores opened follow-ups for the director.
    const director = new ApiClient(server.url);
    expect((await director.login('director', server.demoPassword)).status).toBe(200);
    const followups = await director.request('GET', '/api/v1/followups');
    expect(followups.status).toBe(200);
    expect(followups.json.tasks.length).toBeGreaterThanOrEqual(1);
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
    // Surveys after the services and after the complaints' answers; complaints answered in the month.
    const value = (code: string) => {
      const v = r.json.total.indicators.find((c: { code: string }) => c.code === code).value;
      expect(v.kind, code).toBe('value');
      expect(v.denominator, code).toBeGreaterThan(0);
      return v as { numerator: number; denominator: number };
    };
    for (const code of ['2.1', '3.1', '3.2', '3.3', '4.1', '4.3', '4.4', '5.1']) value(code);
    expect(value('2.1').denominator).toBeGreaterThan(10);
    // Some justified complaints were answered late or only in part: 4.2 is below 100 %.
    const inTime = value('4.2');
    expect(inTime.denominator).toBeGreaterThanOrEqual(2);
    expect(inTime.numerator).toBeLessThan(inTime.denominator);
    // A few justified complaints among the applicants served, not none.
    expect(value('4.1').numerator).toBeGreaterThan(0);
  });
});
