/**
 * The audit chain's storage (R-14; ADR 0008). Appending is a plain insert inside the caller's transaction: the
 * row commits or rolls back with the change it records, and takes no shared lock — so issuing transactions do
 * not queue behind one another. `seal` then chains committed rows in id order: under the audit_head lock
 * (one sealer at a time across all instances; the others skip) it gives each its gapless seq, the previous
 * hash and its own hash, computed in Node from the row as stored — the same text `qosalqy audit verify`
 * recomputes. The server seals every quarter second; verification seals first.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditLog, AuditReader } from '../../../app/ports';
import { type AuditEntry, type ChainedAuditEntry, chainText } from '../../../domain/audit/chain';
import type { Database } from '../schema';

export function auditLog(db: Kysely<Database>, now: () => Date): AuditLog {
  return {
    async append(input) {
      await db
        .insertInto('audit_log')
        .values({
          at: now().toISOString(),
          actor_id: input.actorId,
          actor_role: input.actorRole,
          action: input.action,
          subject_type: input.subjectType ?? null,
          subject_id: input.subjectId ?? null,
          ip: input.ip ?? null,
          outcome: input.outcome,
          details: JSON.stringify(input.details ?? {}),
        })
        .execute();
    },
  };
}

interface StoredRow {
  id: string;
  at_iso: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

/** The entry exactly as hashed: the instant rendered as it was written (ISO, UTC, milliseconds). */
function entryOf(r: StoredRow, seq: number): AuditEntry {
  return {
    seq,
    at: r.at_iso,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ip: r.ip,
    outcome: r.outcome as AuditEntry['outcome'],
    details: r.details,
  };
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** What an entry is hashed from (with `at_iso`): the row as stored. */
const STORED_COLUMNS = [
  'id',
  'actor_id',
  'actor_role',
  'action',
  'subject_type',
  'subject_id',
  'ip',
  'outcome',
  'details',
] as const;

const AT_ISO = sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function auditReader(db: Kysely<Database>): AuditReader {
  /** One batch under the head lock; 0 when another sealer holds it or nothing is waiting. */
  const sealBatch = (batchSize: number) =>
    db.transaction().execute(async (trx) => {
      const head = await trx
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!head) return 0;
      const rows = (await trx
        .selectFrom('audit_log')
        .select(STORED_COLUMNS)
        .select(AT_ISO.as('at_iso'))
        .where('seq', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .execute()) as StoredRow[];
      if (rows.length === 0) return 0;
      let seq = Number(head.seq);
      let prev = head.hash;
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        seq += 1;
        const hash = sha256Hex(chainText(entryOf(r, seq), prev));
        ids.push(r.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await sql`
        update audit_log set seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
        from unnest(${ids}::int8[], ${seqs}::int8[], ${prevs}::text[], ${hashes}::text[]) as u(id, seq, prev_hash, hash)
        where audit_log.id = u.id`.execute(trx);
      await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
      return rows.length;
    });

  return {
    async seal(batchSize = 2000) {
      // A cheap look first: the server calls this four times a second, nearly always with nothing to do.
      const waiting = await db
        .selectFrom('audit_log')
        .select('id')
        .where('seq', 'is', null)
        .limit(1)
        .executeTakeFirst();
      if (!waiting) return 0;
      let sealed = 0;
      for (;;) {
        const n = await sealBatch(batchSize);
        sealed += n;
        if (n < batchSize) return sealed;
      }
    },
    async *scan(batchSize) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .select(STORED_COLUMNS)
          .select(['seq', 'prev_hash', 'hash'])
          .select(AT_ISO.as('at_iso'))
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(batchSize)
          .execute();
        if (rows.length === 0) return;
        yield rows.map(
          (r): ChainedAuditEntry => ({
            ...entryOf(r as StoredRow, Number(r.seq)),
            prevHash: r.prev_hash as string,
            hash: r.hash as string,
          }),
        );
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    async head() {
      const h = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: Number(h.seq), hash: h.hash };
    },
  };
}
