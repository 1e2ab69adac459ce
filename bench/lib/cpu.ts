/**
 * Where a scenario's CPU goes: this process (the load generator), the server processes, and the PostgreSQL
 * backends of the benchmark's database — read from /proc, so each is measured without asking the process.
 * On 2 shared cores the sum per operation is what caps the throughput.
 */
import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/adapters/db/schema';

/** utime + stime of a process (seconds) — or of one of its threads, given its id —, or undefined when it is gone
 * or /proc is not there. */
export function processCpuSeconds(pid: number, thread?: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/${thread === undefined ? '' : `task/${thread}/`}stat`, 'utf8');
    // Fields 14 and 15 (utime, stime), counted after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of each backend connected to the current database, by pid (undefined off PostgreSQL). */
export async function backendCpuSeconds(db: Kysely<Database>): Promise<Map<number, number> | undefined> {
  const rows = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const out = new Map<number, number>();
  for (const { pid } of rows.rows) {
    const s = processCpuSeconds(pid);
    if (s === undefined) return undefined;
    out.set(pid, s);
  }
  return out;
}

/** Backend CPU spent between two readings: backends that came and went in between are not seen. */
export function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, s] of after) sum += s - (before.get(pid) ?? 0);
  return sum;
}

export interface CpuReading {
  readonly generator: number;
  readonly servers: number | undefined;
  readonly backends: Map<number, number> | undefined;
}

export async function readCpu(
  pids: readonly number[],
  db: Kysely<Database> | undefined,
): Promise<CpuReading> {
  let servers: number | undefined = 0;
  for (const pid of pids) {
    const s = processCpuSeconds(pid);
    servers = s === undefined || servers === undefined ? undefined : servers + s;
  }
  return {
    generator: ownCpuSeconds(),
    servers: pids.length > 0 ? servers : undefined,
    backends: db ? await backendCpuSeconds(db) : undefined,
  };
}

/** Milliseconds of CPU per operation, by process kind, between two readings. */
export function cpuMsPer(before: CpuReading, after: CpuReading, operations: number) {
  const per = (s: number | undefined) =>
    s === undefined ? undefined : Math.round(((s * 1000) / operations) * 100) / 100;
  return {
    generator: per(after.generator - before.generator),
    servers: per(
      before.servers === undefined || after.servers === undefined
        ? undefined
        : after.servers - before.servers,
    ),
    postgres: per(
      before.backends && after.backends ? backendCpuBetween(before.backends, after.backends) : undefined,
    ),
  };
}

/** The figures of `cpuMsPer` as flat `extra` fields of a measurement (absent ones left out). */
export function cpuExtra(cpu: ReturnType<typeof cpuMsPer>, per: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (cpu.generator !== undefined) out[`cpuMsPer${per}Generator`] = cpu.generator;
  if (cpu.servers !== undefined) out[`cpuMsPer${per}Servers`] = cpu.servers;
  if (cpu.postgres !== undefined) out[`cpuMsPer${per}Postgres`] = cpu.postgres;
  return out;
}
