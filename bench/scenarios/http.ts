/**
 * Qosalqy over HTTP against its ceilings (issue 9 items 1–2), one load generator (autocannon, loopback,
 * bounded in time) for every side of each ratio:
 *   - an empty Fastify route in a process of its own vs GET /api/v1/health (the whole plugin stack: helmet,
 *     cookies, CSRF hook, session lookup, rate-limit plugin, zod serializer), both with the same connections;
 *   - POST /api/v1/verify/qr (parse, Ed25519, the document looked up, the audit row) vs raw crypto.verify of
 *     the same signed bytes on one core, measured right before;
 *   - GET /api/v1/households/lookup?iin= as the akimat's officer (session, book read, audit row) vs the empty
 *     route.
 * On PostgreSQL the server runs in its own process (lib/server-child.ts); on PGlite in this one.
 */
import { parseQrText } from '../../src/domain/certificates/qr-payload';
import { cannon } from '../lib/cannon';
import { EMPTY_PATH } from '../lib/empty-fastify';
import { startEmptyFastify, startInstances } from '../lib/instances';
import { akimatOfficer, applicantsByAkimat, certificateQrTexts, sessionHeaders } from '../lib/people';
import { type BenchContext, type Measurement, type Scenario, versus } from '../lib/scenario';
import { clientAddress } from '../lib/cannon';

/** node:crypto's Ed25519 verify of the texts' signed bytes, in a loop on this core for `seconds`. */
function rawEd25519PerSecond(ctx: BenchContext, texts: readonly string[], seconds: number): number {
  const parsed = texts.map((t) => {
    const r = parseQrText(t);
    if (!r.ok) throw new Error(`unparsable QR text: ${r.error.code}`);
    return r.value;
  });
  const keys = ctx.deps.verificationKeys;
  let done = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let k = 0; k < 50; k++) {
      const p = parsed[(done + k) % parsed.length]!;
      if (!keys.verify(p.signedBytes, p.signature, p.fields.keyId)) throw new Error('raw verify failed');
    }
    done += 50;
  }
  return done / ((performance.now() - started) / 1000);
}

const http: Scenario = {
  name: 'http',
  description: 'HTTP vs an empty Fastify route; verify over HTTP vs raw Ed25519; IIN lookup over HTTP',
  async run(ctx) {
    const seconds = ctx.quick ? 3 : 10;
    const connections = 10;
    const instances = await startInstances(ctx);
    const empty = await startEmptyFastify(ctx);
    const record = async (
      m: Omit<Measurement, 'db' | 'memory' | 'loadAverage1m' | 'serverMemory' | 'throughputUnit'>,
      run: { non2xx: number; errors: number; statuses: Record<string, number> },
    ) => {
      if (run.errors || run.non2xx)
        throw new Error(`${m.name}: ${run.errors} errors, non-2xx ${JSON.stringify(run.statuses)}`);
      return ctx.record({
        ...m,
        throughputUnit: 'ops/s',
        concurrency: connections,
        serverMemory: m.name === 'http.empty-fastify' ? [await empty.memory()] : await instances.memory(),
      });
    };
    try {
      const emptyRun = await cannon({ url: empty.url, path: EMPTY_PATH, connections, seconds });
      const ceiling = await record(
        {
          name: 'http.empty-fastify',
          description: 'ceiling: bare Fastify, one empty route, own process, same load generator',
          latency: emptyRun.latency,
          throughput: emptyRun.throughput,
        },
        emptyRun,
      );

      const health = await cannon({ url: instances.url, path: '/api/v1/health', connections, seconds });
      await record(
        {
          name: 'http.health',
          description: 'GET /api/v1/health through the whole plugin stack (no database)',
          latency: health.latency,
          throughput: health.throughput,
          baseline: versus(health, ceiling),
        },
        health,
      );

      const texts = await certificateQrTexts(ctx, instances.url, ctx.quick ? 50 : 200);
      const rawRate = rawEd25519PerSecond(ctx, texts, 1);
      const raw = ctx.record({
        name: 'http.verify-qr.raw-ed25519',
        description: 'ceiling: crypto.verify (Ed25519) of the same signed bytes, one core, right before',
        throughput: rawRate,
        throughputUnit: 'ops/s',
        concurrency: 1,
      });
      let n = 0;
      const verify = await cannon({
        url: instances.url,
        connections,
        seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/verify/qr',
            setupRequest: (req) => {
              const i = n++;
              return {
                ...req,
                headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress(i) },
                body: JSON.stringify({ text: texts[i % texts.length] }),
              };
            },
          },
        ],
      });
      await record(
        {
          name: 'http.verify-qr',
          description:
            'POST /api/v1/verify/qr: parse + Ed25519 + document lookup + audit row, per citizen address',
          latency: verify.latency,
          throughput: verify.throughput,
          baseline: versus(verify, raw),
          extra: {
            vsEmptyFastifyP50: Math.round((verify.latency.p50 / ceiling.latency!.p50) * 100) / 100,
            vsEmptyFastifyThroughput: Math.round((verify.throughput / ceiling.throughput) * 1000) / 1000,
          },
        },
        verify,
      );

      const [kato, people] = [...(await applicantsByAkimat(ctx, 1, ctx.quick ? 200 : 1000))][0]!;
      const officer = await akimatOfficer(ctx, instances.url, kato);
      let k = 0;
      const lookup = await cannon({
        url: instances.url,
        connections,
        seconds,
        headers: sessionHeaders(officer),
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({
              ...req,
              path: `/api/v1/households/lookup?iin=${people[k++ % people.length]!.iin}`,
            }),
          },
        ],
      });
      await record(
        {
          name: 'http.iin-lookup',
          description: 'GET /api/v1/households/lookup?iin= as the akimat’s officer (book read + audit row)',
          latency: lookup.latency,
          throughput: lookup.throughput,
          baseline: versus(lookup, ceiling),
        },
        lookup,
      );
    } finally {
      await empty.close();
      await instances.close();
    }
  },
};

export const httpScenarios: readonly Scenario[] = [http];
