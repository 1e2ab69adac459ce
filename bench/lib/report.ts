/** The table the benchmark prints: one line per figure, budgets and baseline ratios beside it. */
import type { Measurement } from './scenario';

const ms = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '' : x < 10 ? x.toFixed(2) : x.toFixed(1);
const ratio = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));
const rate = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

const COLUMNS = [
  ['db', (m: Measurement) => m.db],
  ['scenario', (m: Measurement) => m.name],
  ['n', (m: Measurement) => (m.latency ? String(m.latency.n) : '')],
  ['c', (m: Measurement) => (m.concurrency ? String(m.concurrency) : '')],
  ['p50 ms', (m: Measurement) => ms(m.latency?.p50)],
  ['p95 ms', (m: Measurement) => ms(m.latency?.p95)],
  ['p99 ms', (m: Measurement) => ms(m.latency?.p99)],
  ['max ms', (m: Measurement) => ms(m.latency?.max)],
  ['throughput', (m: Measurement) => `${rate(m.throughput)} ${m.throughputUnit}`],
  [
    'vs baseline p50/p99 · rate',
    (m: Measurement) => {
      const b = m.baseline;
      if (!b) return '';
      const latency =
        b.ratioP50 !== undefined && b.ratioP99 !== undefined
          ? `×${ratio(b.ratioP50)} / ×${ratio(b.ratioP99)}`
          : '';
      const rate = b.ratioThroughput !== undefined ? `×${ratio(b.ratioThroughput)}` : '';
      return [latency, rate].filter(Boolean).join(' · ');
    },
  ],
  [
    'budget',
    (m: Measurement) =>
      m.budget
        ? `${m.budget.metric === 'rate' ? '≥' : `${m.budget.metric} ≤`} ${rate(m.budget.limit)} ${m.budget.pass ? 'ok' : 'MISSED'}`
        : '',
  ],
  ['rss MiB', (m: Measurement) => String(Math.round(m.memory.rssMiB))],
  ['heap MiB', (m: Measurement) => String(Math.round(m.memory.heapUsedMiB))],
  [
    'server rss/heap MiB',
    (m: Measurement) =>
      (m.serverMemory ?? []).map((s) => `${Math.round(s.rssMiB)}/${Math.round(s.heapUsedMiB)}`).join(' '),
  ],
] as const;

export function formatTable(rows: readonly Measurement[]): string {
  const cells = rows.map((r) => COLUMNS.map(([, f]) => f(r)));
  const widths = COLUMNS.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) =>
    values.map((v, i) => (i <= 1 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(COLUMNS.map(([h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}
