/**
 * The audit chain's storage. One append is ONE statement: it locks the single audit_head row (FOR UPDATE),
 * computes the next seq and the row's hash from it with PostgreSQL's sha256(), inserts the row and moves the
 * head. That keeps seq gapless and each row linked to the one before, on any number of server instances,
 * while the lock is held for one statement plus the caller's commit — not for three round trips queued behind
 * a busy event loop, which made every issuing transaction wait for the others (docs/PERFORMANCE.md).
 * The text hashed is exactly the domain's chainText (the entry split around its seq by chainTextAroundSeq),
 * so `qosalqy audit verify` recomputes it in Node. The lock lasts until the caller's transaction commits:
 * appends are best made last in a transaction.
 */
import { type Kysely, sql } from 'kysely';
import type { AuditLog, AuditReader } from '../../../app/ports';
import { type ChainedAuditEntry, chainTextAroundSeq } from '../../../domain/audit/chain';
import type { Database } from '../schema';

export function auditLog(db: Kysely<Database>, now: () => Date): AuditLog {
  return {
    async append(input) {
      const entry = {
        at: now().toISOString(),
        actorId: input.actorId,
        actorRole: input.actorRole,
        action: input.action,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        ip: input.ip ?? null,
        outcome: input.outcome,
        details: input.details ?? {},
      };
      const { prefix, suffix } = chainTextAroundSeq(entry);
      // The CTEs share one snapshot, but `head` reads the row it locks in its newest committed version, and
      // the UPDATE of that same (already locked) row follows it: a waiting append chains onto the winner.
      const appended = await sql<{ seq: string }>`
        WITH head AS (
          SELECT seq + 1 AS seq, hash AS prev_hash,
                 encode(sha256(convert_to(hash || chr(10) || ${prefix} || (seq + 1)::text || ${suffix}, 'UTF8')), 'hex') AS hash
          FROM audit_head WHERE id = 1 FOR UPDATE
        ), moved AS (
          UPDATE audit_head SET seq = head.seq, hash = head.hash FROM head WHERE audit_head.id = 1
        )
        INSERT INTO audit_log (seq, at, actor_id, actor_role, action, subject_type, subject_id, ip, outcome, details, prev_hash, hash)
        SELECT head.seq, ${entry.at}::timestamptz, ${entry.actorId}::uuid, ${entry.actorRole}, ${entry.action},
               ${entry.subjectType}, ${entry.subjectId}, ${entry.ip}, ${entry.outcome},
               ${JSON.stringify(entry.details)}::jsonb, head.prev_hash, head.hash
        FROM head
        RETURNING seq`.execute(db);
      if (appended.rows.length !== 1) throw new Error('audit append wrote no row');
    },
  };
}

export function auditReader(db: Kysely<Database>): AuditReader {
  return {
    async *scan(batchSize) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          // Render the instant exactly as it was hashed (ISO, UTC, milliseconds), whatever the driver does with dates.
          .select(sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at_iso'))
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(batchSize)
          .execute();
        if (rows.length === 0) return;
        yield rows.map(
          (r): ChainedAuditEntry => ({
            seq: Number(r.seq),
            at: r.at_iso,
            actorId: r.actor_id,
            actorRole: r.actor_role,
            action: r.action,
            subjectType: r.subject_type,
            subjectId: r.subject_id,
            ip: r.ip,
            outcome: r.outcome as ChainedAuditEntry['outcome'],
            details: r.details,
            prevHash: r.prev_hash,
            hash: r.hash,
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
