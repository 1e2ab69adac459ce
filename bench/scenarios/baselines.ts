/**
 * The database-free baselines of issue 9 item 2, run once per `npm run bench`: the certificate PDF against
 * Chromium printing the same document from HTML (bench/pdf.bench.ts, interleaved call by call), and the QR
 * signature check against node:crypto's Ed25519 verify alone (bench/verify.bench.ts). Each of our figures is
 * recorded with its ratio to the ceiling measured in the same run.
 */
import { runPdfBench } from '../pdf.bench';
import { type Scenario, versus } from '../lib/scenario';
import { runVerifyBench } from '../verify.bench';

const PDF_BUDGET = {
  metric: 'p50',
  limit: 10,
  source: 'issue 5 item 5: certificate PDF p50 ≤ 10 ms',
} as const;
const VERIFY_BUDGET = {
  metric: 'rate',
  limit: 5000,
  source: 'issue 5 item 5: ≥ 5,000 QR verifications/s',
} as const;

const pdf: Scenario = {
  name: 'pdf',
  description: 'certificate PDF: direct writer vs pdfmake vs Chromium printing the same HTML, interleaved',
  once: true,
  async run(ctx) {
    const r = await runPdfBench({ iterations: ctx.quick ? 30 : 200, warmup: ctx.quick ? 5 : 30 });
    const rate = (p50: number) => 1000 / p50;
    const chromium = r.chromium
      ? ctx.record({
          name: 'pdf.chromium',
          description: 'baseline: headless Chromium, setContent(HTML) + page.pdf, one page reused',
          latency: r.chromium,
          throughput: rate(r.chromium.mean),
          throughputUnit: 'ops/s',
          concurrency: 1,
          extra: { bytes: r.chromium.bytes, nodeCpuMeanMs: r.chromium.cpuMean },
        })
      : undefined;
    if (!chromium) ctx.log('  note: no /usr/bin/chromium — the PDF has no baseline in this run');
    for (const [name, description, s] of [
      ['pdf.writer', 'the server’s direct PDF writer (ADR 0006)', r.writer],
      ['pdf.pdfmake', 'reference: the pdfmake layout it replaced', r.pdfmake],
    ] as const) {
      const ours = { latency: s, throughput: rate(s.mean) };
      ctx.record({
        name,
        description,
        ...ours,
        throughputUnit: 'ops/s',
        concurrency: 1,
        ...(name === 'pdf.writer'
          ? { budget: { ...PDF_BUDGET, value: s.p50, pass: s.p50 <= PDF_BUDGET.limit } }
          : {}),
        ...(chromium ? { baseline: versus(ours, chromium) } : {}),
        extra: {
          bytes: s.bytes,
          cpuMeanMs: s.cpuMean,
          ...(name === 'pdf.writer' ? { setupMs: r.setupMs } : {}),
        },
      });
    }
  },
};

const verify: Scenario = {
  name: 'verify',
  description: 'QR verification (parse + Ed25519, one core) vs raw crypto.verify; the use case on PGlite',
  once: true,
  async run(ctx) {
    // --quick leaves out the use case on PGlite: the http scenario verifies through the whole use case anyway.
    const r = await runVerifyBench({ seconds: ctx.quick ? 1 : 3, useCase: ctx.quick ? 0 : 1000 });
    const raw = ctx.record({
      name: 'verify.raw-ed25519',
      description: 'ceiling: node:crypto Ed25519 verify of the signed bytes alone, one core',
      throughput: r.ed25519OnlyPerSecond,
      throughputUnit: 'ops/s',
      concurrency: 1,
    });
    const signature = { throughput: r.signature.perSecond };
    ctx.record({
      name: 'verify.signature',
      description: 'verifyQrText: parse the scanned text + Ed25519 with the key ring, one core',
      ...signature,
      throughputUnit: 'ops/s',
      concurrency: 1,
      budget: { ...VERIFY_BUDGET, value: r.signature.perSecond, pass: r.signature.perSecond >= 5000 },
      baseline: versus(signature, raw),
    });
    if (r.useCase)
      ctx.record({
        name: 'verify.use-case',
        description: 'verifyQr: signature + document lookup + audit row, in-memory PGlite, sequential',
        throughput: r.useCase.perSecond,
        throughputUnit: 'ops/s',
        concurrency: 1,
        baseline: versus({ throughput: r.useCase.perSecond }, raw),
        extra: { p50Ms: r.useCase.p50Ms, p95Ms: r.useCase.p95Ms },
      });
  },
};

export const baselineScenarios: readonly Scenario[] = [pdf, verify];
