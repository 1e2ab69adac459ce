import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/app/ports';
import { percentile } from '../../src/domain/queue';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Issue 6 item 2: the directory's public "waiting now / typical wait" per office, on both databases.
class TestClock implements Clock {
  constructor(public ms: number) {}
  now() {
    return new Date(this.ms);
  }
  set(iso: string) {
    this.ms = Date.parse(iso);
  }
  advance(minutes: number) {
    this.ms += minutes * 60_000;
  }
}

const PSC = 'psc-01';

describe.each(DATABASE_KINDS)('public queue summary on %s (issue 6)', (kind) => {
  let server: TestServer;
  const clock = new TestClock(Date.parse('2025-02-14T10:00:00+05:00'));
  let anyone: ApiClient;
  let operator: ApiClient;
  let desks: string[];

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock });
    anyone = new ApiClient(server.url);
    operator = new ApiClient(server.url);
    expect((await operator.login('psc', server.demoPassword)).status).toBe(200);
    desks = [];
    for (const number of [1, 2, 3, 4]) {
      desks.push((await operator.request('POST', `/api/v1/queue/offices/${PSC}/desks`, { number })).json.id);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const take = () => anyone.request('POST', `/api/v1/queue/offices/${PSC}/tickets`);
  const call = (desk: string) => operator.request('POST', `/api/v1/queue/desks/${desk}/call-next`);
  const summary = (query: string) => anyone.request('GET', `/api/v1/queue/summary?${query}`);

  it('counts who waits today and takes the median wait of the last 30 days, without sign-in', async () => {
    // 14 February: one visit, waited 1 minute — more than 30 days before 17 March, so left out.
    expect((await take()).status).toBe(201);
    clock.advance(1);
    expect((await call(desks[0]!)).json.waitMinutes).toBe(1);
    // Friday 14 March: waited 2 minutes.
    clock.set('2025-03-14T10:00:00+05:00');
    await operator.login('psc', server.demoPassword);
    await take();
    clock.advance(2);
    expect((await call(desks[1]!)).json.waitMinutes).toBe(2);
    // Monday 17 March: three tickets, two called after 4 and 6 minutes, one still waiting.
    clock.set('2025-03-17T10:00:00+05:00');
    await operator.login('psc', server.demoPassword);
    for (let i = 0; i < 3; i++) await take();
    clock.advance(4);
    expect((await call(desks[2]!)).json.waitMinutes).toBe(4);
    const r = await summary(`offices=${PSC},psc-02`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ day: '2025-03-17', days: 30 });
    expect(r.json.offices).toEqual([
      { officeId: PSC, waitingNow: 2, typicalWaitMinutes: percentile([2, 4], 50), measuredWaits: 2 },
      { officeId: 'psc-02', waitingNow: 0, typicalWaitMinutes: null, measuredWaits: 0 },
    ]);
    expect(r.json.offices[0].typicalWaitMinutes).toBe(2);
  });

  it('the median is the nearest rank, a wait somebody had', async () => {
    // desk 4 is free: A-002 of today is called after 6 minutes → waits 2, 4, 6 → median 4
    clock.advance(2);
    const c = await call(desks[3]!);
    expect(c.json).toMatchObject({ number: 'A-002', waitMinutes: 6 });
    const r = await summary(`offices=${PSC}`);
    expect(r.json.offices).toEqual([
      { officeId: PSC, waitingNow: 1, typicalWaitMinutes: 4, measuredWaits: 3 },
    ]);
  });

  it('bad input is a coded 422 and no office list is unbounded', async () => {
    for (const q of [
      'offices=',
      'offices=a%20b',
      `offices=${Array.from({ length: 101 }, (_, i) => `o${i}`).join(',')}`,
      '',
    ]) {
      const r = await summary(q);
      expect(r.status, q).toBe(422);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
