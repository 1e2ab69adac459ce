/**
 * A PSC application from intake to hand-over (issue 9 item 1), over HTTP, as the people involved do it: the
 * PSC operator receives it with all documents (the receipt), sends it to the akimat that keeps the
 * applicant's book, the akimat's officer decides it (the certificate), returns it to the PSC, and the
 * operator hands it over to the applicant in person. Several applications go through at once (one operator
 * and one officer per pipeline, pipelines in different akimats); a sample is one application's whole path,
 * and each step is timed too. The server's clock is moved into office hours (intake counts working days).
 */
import { nextOpeningMs } from '../../src/domain/queue';
import type { ApiClient } from '../../test/support/http-client';
import { startInstances } from '../lib/instances';
import { type Applicant, akimatOfficer, applicantsByAkimat, signedIn } from '../lib/people';
import type { Scenario } from '../lib/scenario';
import { summarize } from '../lib/stats';

const STEPS = ['intake', 'send', 'decide', 'return', 'hand-over'] as const;
const PSC_OFFICE = 'psc-01';

const pscPath: Scenario = {
  name: 'psc-path',
  description: 'PSC intake → send → decide at the akimat → return → hand-over, whole path per application',
  async run(ctx) {
    const pipelines = ctx.quick ? 5 : 10;
    const perPipeline = ctx.quick ? 4 : 20;
    const calendar = await ctx.deps.calendar.current();
    const opening = nextOpeningMs(calendar, 'psc', Date.now());
    if (!opening.ok) throw new Error(`no opening ahead: ${opening.error.code}`);
    const instances = await startInstances(ctx, { clockOffsetMs: opening.value + 60 * 60_000 - Date.now() });
    try {
      const byAkimat = await applicantsByAkimat(ctx, pipelines, perPipeline + 1);
      const lanes: { psc: ApiClient; akimat: ApiClient; people: Applicant[] }[] = [];
      for (const [i, [kato, people]] of [...byAkimat].entries())
        lanes.push({
          psc: await signedIn(ctx, instances.url, {
            username: `bench.psc.${i}`,
            role: 'psc_operator',
            officeId: PSC_OFFICE,
          }),
          akimat: await akimatOfficer(ctx, instances.url, kato),
          people,
        });

      const steps: Record<(typeof STEPS)[number], number[]> = {
        intake: [],
        send: [],
        decide: [],
        return: [],
        'hand-over': [],
      };
      const outcomes: Record<string, number> = {};
      const one = async (lane: (typeof lanes)[number], p: Applicant, measured: boolean) => {
        const expect = async (
          step: (typeof STEPS)[number],
          call: () => ReturnType<ApiClient['request']>,
          status: number,
        ) => {
          const t0 = performance.now();
          const r = await call();
          if (r.status !== status) throw new Error(`${step} ${r.status}: ${r.text.slice(0, 200)}`);
          if (measured) steps[step].push(performance.now() - t0);
          return r;
        };
        const t0 = performance.now();
        const intake = await expect(
          'intake',
          () =>
            lane.psc.request('POST', '/api/v1/psc/applications', {
              applicant: { iin: p.iin, surname: p.surname, name: p.name },
              documents: { application: true, identity_copy: true, identity_original: true },
            }),
          201,
        );
        const id = intake.json.application.id as string;
        await expect('send', () => lane.psc.request('POST', `/api/v1/applications/${id}/send`, {}), 200);
        const decided = await expect(
          'decide',
          () => lane.akimat.request('POST', `/api/v1/applications/${id}/decide`),
          200,
        );
        await expect('return', () => lane.akimat.request('POST', `/api/v1/applications/${id}/return`), 200);
        await expect(
          'hand-over',
          () => lane.psc.request('POST', `/api/v1/applications/${id}/hand-over`, { presentedIin: p.iin }),
          200,
        );
        const outcome = String(decided.json.application.outcome);
        if (measured) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        return performance.now() - t0;
      };

      // Warm-up: one application per lane.
      await Promise.all(lanes.map((lane) => one(lane, lane.people.at(-1)!, false)));
      const whole: number[] = [];
      const started = performance.now();
      await Promise.all(
        lanes.map(async (lane) => {
          for (let k = 0; k < perPipeline; k++)
            whole.push(await one(lane, lane.people[k % (lane.people.length - 1 || 1)]!, true));
        }),
      );
      const wallMs = performance.now() - started;
      const serverMemory = await instances.memory();
      ctx.record({
        name: 'psc-path',
        description: 'intake → send → decide → return → hand-over, one application’s whole path (5 requests)',
        latency: summarize(whole),
        throughput: (whole.length * 1000) / wallMs,
        throughputUnit: 'ops/s',
        concurrency: lanes.length,
        serverMemory,
        extra: {
          ...outcomes,
          ...Object.fromEntries(
            STEPS.flatMap((s) => {
              const l = summarize(steps[s]);
              return [
                [`${s}P50`, Math.round(l.p50 * 10) / 10],
                [`${s}P99`, Math.round(l.p99 * 10) / 10],
              ];
            }),
          ),
        },
      });
    } finally {
      await instances.close();
    }
  },
};

export const pscPathScenarios: readonly Scenario[] = [pscPath];
