/**
 * Certificate PDF rendering (issue 5 item 5: p50 ≤ 10 ms, and at least 10× faster than printing the same
 * certificate from HTML with headless Chromium, both measured in one run). Standalone:
 *
 *   npx tsx bench/pdf.bench.ts [--iterations 200] [--no-chromium]
 *
 * Three renderers draw the same certificate (kk and ru alternately), interleaved call by call so that all three
 * see the same machine load: the direct PDF writer the server uses (ADR 0006: fonts as PDF objects prepared once,
 * QR as vector squares), the pdfmake layout it replaced (the reference: DejaVu subset prepared once, pdfmake and
 * pdfkit lay out, subset and write per document), and Chromium printing an HTML version of the page (one browser,
 * one page reused: setContent + pdf per document). Every call builds its document from scratch, QR code included.
 *
 * Wall time per call is what a client waits on a loaded machine; CPU time per call (process.cpuUsage around the
 * call: this process's threads, zlib's included) is what the render costs whatever else runs. For Chromium the CPU
 * column counts only the Node side, not the browser processes.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createPdfRenderer } from '../src/adapters/pdf/pdf-renderer';
import { createPdfmakeRenderer } from '../src/adapters/pdf/pdfmake-renderer';
import { qrPng } from '../src/adapters/pdf/qr';
import { sampleCertificate } from '../src/adapters/pdf/sample-documents';
import type { PrintableDocument } from '../src/domain/certificates/documents';
import { certificateHtml } from './pdf-certificate-html';

export interface PdfLatency {
  readonly n: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Mean CPU milliseconds of this process per call. */
  readonly cpuMean: number;
  /** Median CPU milliseconds of this process per call. */
  readonly cpuP50: number;
  /** Bytes of one rendered certificate. */
  readonly bytes: number;
}

export interface PdfBenchResult {
  readonly iterations: number;
  readonly warmup: number;
  /** The direct writer, as the server runs it. */
  readonly writer: PdfLatency;
  /** The pdfmake layout the writer replaced (reference). */
  readonly pdfmake: PdfLatency;
  /** Chromium printing the HTML version; undefined when Chromium is absent or skipped. */
  readonly chromium?: PdfLatency;
  /** chromium.p50 / writer.p50. */
  readonly speedup?: number;
  /** pdfmake.p50 / writer.p50 and pdfmake.cpuMean / writer.cpuMean. */
  readonly overPdfmake: { readonly wall: number; readonly cpu: number };
  /** Writer start-up (fonts read, subset and written as PDF objects), paid once per process. */
  readonly setupMs: number;
  readonly machine: {
    readonly cpuModel: string;
    readonly cpuCount: number;
    readonly node: string;
    readonly loadAverageBefore: readonly number[];
    readonly loadAverageAfter: readonly number[];
  };
}

export interface PdfBenchOptions {
  /** Measured renders per renderer (default 200). */
  readonly iterations?: number;
  /** Unmeasured renders per renderer first (default 30). */
  readonly warmup?: number;
  /** Compare with Chromium (default true; skipped when the executable is missing). */
  readonly chromium?: boolean;
  readonly chromiumPath?: string;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Nearest-rank percentile over sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

function summarize(samples: readonly number[], cpu: readonly number[], bytes: number): PdfLatency {
  const sorted = [...samples].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    cpuMean: round(cpuSorted.reduce((s, x) => s + x, 0) / cpuSorted.length),
    cpuP50: round(percentile(cpuSorted, 50)),
    n: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    bytes,
  };
}

const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export async function runPdfBench(options: PdfBenchOptions = {}): Promise<PdfBenchResult> {
  const iterations = options.iterations ?? 200;
  const warmup = options.warmup ?? 30;
  const chromiumPath = options.chromiumPath ?? '/usr/bin/chromium';
  const loadAverageBefore = loadAverage();

  const setupStart = performance.now();
  const writer = await createPdfRenderer();
  const setupMs = Math.round((performance.now() - setupStart) * 100) / 100;
  const pdfmakeRenderer = await createPdfmakeRenderer();

  const browser =
    options.chromium !== false && existsSync(chromiumPath)
      ? await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
      : undefined;
  try {
    const page = await browser?.newPage();
    const printHtml = async (doc: PrintableDocument): Promise<Buffer> => {
      if (!page) throw new Error('no browser');
      const qr = doc.qr ? `data:image/png;base64,${qrPng(doc.qr.text).toString('base64')}` : undefined;
      await page.setContent(certificateHtml(doc, qr));
      return page.pdf({ format: 'A4' });
    };

    type Contender = { name: 'writer' | 'pdfmake' | 'chromium'; render: typeof printHtml };
    const contenders: Contender[] = [
      { name: 'writer', render: (doc) => writer.render(doc) },
      { name: 'pdfmake', render: (doc) => pdfmakeRenderer.render(doc) },
    ];
    if (page) contenders.push({ name: 'chromium', render: printHtml });

    // A fresh value per call, as in the service, where every certificate is a new document.
    const certificate = (i: number): PrintableDocument => {
      const doc = sampleCertificate(i % 2 === 0 ? 'kk' : 'ru');
      return { ...doc, number: `195243-2026-${String(100000 + i).slice(1)}` };
    };
    const samples = new Map(contenders.map((c) => [c.name, [] as number[]]));
    const cpu = new Map(contenders.map((c) => [c.name, [] as number[]]));
    const bytes = new Map<string, number>();
    for (let i = 0; i < warmup + iterations; i++) {
      for (const contender of contenders) {
        const doc = certificate(i);
        const cpuStart = process.cpuUsage();
        const started = performance.now();
        const pdf = await contender.render(doc);
        const elapsed = performance.now() - started;
        const used = process.cpuUsage(cpuStart);
        if (i >= warmup) {
          samples.get(contender.name)?.push(elapsed);
          cpu.get(contender.name)?.push((used.user + used.system) / 1000);
        }
        if (i === warmup) bytes.set(contender.name, pdf.length);
      }
    }
    const stats = (name: Contender['name']) =>
      summarize(samples.get(name) ?? [], cpu.get(name) ?? [], bytes.get(name) ?? 0);
    const writerStats = stats('writer');
    const pdfmake = stats('pdfmake');
    const chromiumStats = page ? stats('chromium') : undefined;
    const cpus = os.cpus();
    return {
      iterations,
      warmup,
      writer: writerStats,
      pdfmake,
      chromium: chromiumStats,
      speedup: chromiumStats ? Math.round((chromiumStats.p50 / writerStats.p50) * 10) / 10 : undefined,
      overPdfmake: {
        wall: Math.round((pdfmake.p50 / writerStats.p50) * 10) / 10,
        cpu: Math.round((pdfmake.cpuMean / writerStats.cpuMean) * 10) / 10,
      },
      setupMs,
      machine: {
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        cpuCount: cpus.length,
        node: process.version,
        loadAverageBefore,
        loadAverageAfter: loadAverage(),
      },
    };
  } finally {
    await browser?.close();
  }
}

function report(result: PdfBenchResult): string {
  const row = (name: string, s: PdfLatency | undefined) =>
    s
      ? `${name.padEnd(40)}${[s.p50, s.p95, s.p99, s.mean, s.cpuP50, s.cpuMean]
          .map((x) => x.toFixed(2).padStart(9))
          .join('')}${String(Math.round(s.bytes / 1024)).padStart(8)} KB`
      : `${name.padEnd(40)}  (not run)`;
  return [
    `certificate PDF, ${result.iterations} renders each after ${result.warmup} warm-up, interleaved`,
    `${''.padEnd(40)}${['p50', 'p95', 'p99', 'mean'].map((h) => `${h} ms`.padStart(9)).join('')}` +
      `${['cpu p50', 'cpu mean'].map((h) => h.padStart(9)).join('')}    size`,
    row('direct writer (server)', result.writer),
    row('pdfmake, DejaVu subset (reference)', result.pdfmake),
    row('Chromium, HTML → page.pdf (cpu: node)', result.chromium),
    result.speedup !== undefined
      ? `Chromium p50 / writer p50 = ${result.speedup}×  (budget: writer p50 ≤ 10 ms, ≥ 10×)`
      : 'Chromium not measured',
    `pdfmake / writer: ${result.overPdfmake.wall}× wall p50, ${result.overPdfmake.cpu}× CPU mean`,
    `font set-up once per process: ${result.setupMs} ms`,
    `machine: ${result.machine.cpuCount} × ${result.machine.cpuModel}, Node ${result.machine.node}, ` +
      `load average ${result.machine.loadAverageBefore.join(' / ')} before, ` +
      `${result.machine.loadAverageAfter.join(' / ')} after`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '30' },
      'no-chromium': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const result = await runPdfBench({
    iterations: Number.parseInt(values.iterations, 10),
    warmup: Number.parseInt(values.warmup, 10),
    chromium: !values['no-chromium'],
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : report(result));
}
