/**
 * The audit chain's storage. Appending locks the single audit_head row (SELECT … FOR UPDATE) inside the
 * caller's transaction: that serialises appends so seq stays gapless and each row links to the one before,
 * on any number of server instances. The lock is held until the business transaction commits, so appends
 * are best made last in a transaction.
 */
import { type Kysely, sql } from 'kysely';
import type { AuditLog, AuditReader, Hasher } from '../../../app/ports';
import { type AuditEntry, type ChainedAuditEntry, chainText } from '../../../domain/audit/chain';
import type { Database } from '../schema';

export function auditLog(db: Kysely<Database>, hasher: Hasher, now: () => Date): AuditLog {
  return {
    async append(input) {
      const head = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const entry: AuditEntry = {
        seq: Number(head.seq) + 1,
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
      const hash = hasher.sha256(chainText(entry, head.hash));
      await db
        .insertInto('audit_log')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor_id: entry.actorId,
          actor_role: entry.actorRole,
          action: entry.action,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          ip: entry.ip,
          outcome: entry.outcome,
          details: JSON.stringify(entry.details),
          prev_hash: head.hash,
          hash,
        })
        .execute();
      await db.updateTable('audit_head').set({ seq: entry.seq, hash }).where('id', '=', 1).execute();
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
