/**
 * The audit trail's tamper evidence (issue 2, item 4; R-14). Each row's hash is sha256 over the previous hash
 * and a canonical text of the row, so changing, inserting or deleting any row breaks the chain from there on.
 * `seq` is gapless (assigned under a lock), which tells a deletion from an insertion.
 * The hash function is passed in: the domain stays free of node:crypto.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly seq: number;
  /** ISO instant, UTC, millisecond precision. */
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly ip: string | null;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ChainedAuditEntry extends AuditEntry {
  readonly prevHash: string;
  readonly hash: string;
}

/** Stable JSON: object keys sorted at every depth, so the same row always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainText(entry: AuditEntry, prevHash: string): string {
  return `${prevHash}\n${canonicalJson(entry)}`;
}

export type ChainProblem =
  | { readonly kind: 'modified'; readonly seq: number }
  | { readonly kind: 'deleted'; readonly seq: number }
  | { readonly kind: 'inserted'; readonly seq: number };

export type ChainVerdict =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly rows: number; readonly problem: ChainProblem };

/**
 * Walks rows in seq order (they may come in batches: pass the state along) and reports the first problem.
 * - a seq that skips ahead → rows were deleted (the first missing seq is named);
 * - a seq that repeats or goes back, or a row whose prev_hash is not the previous row's hash → inserted;
 * - a row whose own hash does not match its content → modified.
 */
export function verifyChain(
  rows: Iterable<ChainedAuditEntry>,
  sha256: (text: string) => string,
  start: { expectedSeq: number; prevHash: string; count: number } = {
    expectedSeq: 1,
    prevHash: GENESIS_HASH,
    count: 0,
  },
): ChainVerdict & { state: { expectedSeq: number; prevHash: string; count: number } } {
  let { expectedSeq, prevHash, count } = start;
  for (const row of rows) {
    const state = { expectedSeq, prevHash, count };
    if (row.seq > expectedSeq)
      return { ok: false, rows: count, problem: { kind: 'deleted', seq: expectedSeq }, state };
    if (row.seq < expectedSeq)
      return { ok: false, rows: count, problem: { kind: 'inserted', seq: row.seq }, state };
    const { prevHash: storedPrev, hash, ...entry } = row;
    const recomputed = sha256(chainText(entry, storedPrev));
    if (recomputed !== hash)
      return { ok: false, rows: count, problem: { kind: 'modified', seq: row.seq }, state };
    if (storedPrev !== prevHash)
      return { ok: false, rows: count, problem: { kind: 'inserted', seq: row.seq }, state };
    prevHash = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, rows: count, state: { expectedSeq, prevHash, count } };
}
