/**
 * The walk-in queue's storage (issue 6): desks, a per-office-and-day counter for ticket numbers, tickets with
 * optimistic versions, and their append-only events. `claimNextWaiting` uses FOR UPDATE SKIP LOCKED so that
 * two operators calling at the same moment each get a different ticket; on PGlite, with one connection,
 * transactions do not interleave at all.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { QueueRepository } from '../../../app/ports';
import { DEFAULT_TIME_ZONE, formatInstant } from '../../../domain/calendar';
import type { DayTimes, DeskRef, Ticket, TicketEvent, TicketStatus } from '../../../domain/queue';
import type { PlainDate } from '../../../domain/shared/plain-date';
import type { Database, QueueTicketsTable } from '../schema';

const OPEN: TicketStatus[] = ['issued', 'called', 'serving', 'transferred'];

const iso = (v: Date | string | null): string | null => {
  if (v === null) return null;
  const ms = v instanceof Date ? v.getTime() : Date.parse(v);
  return formatInstant(ms, DEFAULT_TIME_ZONE);
};
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toTicket(r: Selectable<QueueTicketsTable>): Ticket {
  return {
    id: r.id,
    officeId: r.office_id,
    day: String(r.day).slice(0, 10) as PlainDate,
    seq: r.seq,
    number: r.number,
    status: r.status as TicketStatus,
    issuedAt: iso(r.issued_at) as string,
    firstCalledAt: iso(r.first_called_at),
    lastCalledAt: iso(r.last_called_at),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    closedAt: iso(r.closed_at),
    deskId: r.desk_id,
    targetDeskId: r.target_desk_id,
    recalls: r.recalls,
    waitMinutes: num(r.wait_minutes),
    serviceMinutes: num(r.service_minutes),
    applicationId: r.application_id,
    version: r.version,
  };
}

function ticketRow(t: Ticket) {
  return {
    id: t.id,
    office_id: t.officeId,
    day: t.day,
    seq: t.seq,
    number: t.number,
    status: t.status,
    issued_at: t.issuedAt,
    first_called_at: t.firstCalledAt,
    last_called_at: t.lastCalledAt,
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    closed_at: t.closedAt,
    desk_id: t.deskId,
    target_desk_id: t.targetDeskId,
    recalls: t.recalls,
    wait_minutes: t.waitMinutes,
    service_minutes: t.serviceMinutes,
    application_id: t.applicationId,
    version: t.version,
  };
}

function eventRow(e: TicketEvent) {
  return {
    ticket_id: e.ticketId,
    seq: e.seq,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    at: e.at,
    actor_id: e.actorId,
    desk_id: e.deskId,
    details: JSON.stringify(e.details),
  };
}

const toDesk = (r: { id: string; office_id: string; number: number }): DeskRef => ({
  id: r.id,
  officeId: r.office_id,
  number: r.number,
});

export function queueRepository(db: Kysely<Database>): QueueRepository {
  return {
    async ensureDesk(desk) {
      await db
        .insertInto('queue_desks')
        .values({ id: desk.id, office_id: desk.officeId, number: desk.number })
        .onConflict((oc) => oc.columns(['office_id', 'number']).doNothing())
        .execute();
      const row = await db
        .selectFrom('queue_desks')
        .select(['id', 'office_id', 'number'])
        .where('office_id', '=', desk.officeId)
        .where('number', '=', desk.number)
        .executeTakeFirstOrThrow();
      return toDesk(row);
    },
    async findDesk(id, options) {
      let q = db.selectFrom('queue_desks').select(['id', 'office_id', 'number']).where('id', '=', id);
      if (options?.lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row && toDesk(row);
    },
    async desksOf(officeId) {
      const rows = await db
        .selectFrom('queue_desks')
        .select(['id', 'office_id', 'number'])
        .where('office_id', '=', officeId)
        .orderBy('number')
        .execute();
      return rows.map(toDesk);
    },
    async nextSeq(officeId, day) {
      const row = await db
        .insertInto('queue_day_counters')
        .values({ office_id: officeId, day, last_seq: 1 })
        .onConflict((oc) =>
          oc.columns(['office_id', 'day']).doUpdateSet({ last_seq: sql`queue_day_counters.last_seq + 1` }),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return row.last_seq;
    },
    async insertTicket(ticket, event) {
      await db.insertInto('queue_tickets').values(ticketRow(ticket)).execute();
      await db.insertInto('queue_ticket_events').values(eventRow(event)).execute();
    },
    async findTicket(id, options) {
      let q = db.selectFrom('queue_tickets').selectAll().where('id', '=', id);
      if (options?.lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row && toTicket(row);
    },
    async claimNextWaiting(officeId, day, deskId) {
      const row = await db
        .selectFrom('queue_tickets')
        .selectAll()
        .where('office_id', '=', officeId)
        .where('day', '=', day)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'issued'),
            eb.and([eb('status', '=', 'transferred'), eb('target_desk_id', '=', deskId)]),
          ]),
        )
        .orderBy('seq')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row && toTicket(row);
    },
    async atDesk(deskId) {
      const row = await db
        .selectFrom('queue_tickets')
        .selectAll()
        .where('desk_id', '=', deskId)
        .where('status', 'in', ['called', 'serving'])
        .orderBy('issued_at', 'desc')
        .executeTakeFirst();
      return row && toTicket(row);
    },
    async saveTransition(expectedVersion, ticket, event) {
      const { id: _id, ...changes } = ticketRow(ticket);
      const r = await db
        .updateTable('queue_tickets')
        .set(changes)
        .where('id', '=', ticket.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await db.insertInto('queue_ticket_events').values(eventRow(event)).execute();
      return true;
    },
    async openTicketsOfDay(officeId, day) {
      const rows = await db
        .selectFrom('queue_tickets')
        .selectAll()
        .where('office_id', '=', officeId)
        .where('day', '=', day)
        .where('status', 'in', OPEN)
        .orderBy('seq')
        .execute();
      return rows.map(toTicket);
    },
    async finishedAtDesk(deskId, day, limit) {
      const rows = await db
        .selectFrom('queue_tickets')
        .selectAll()
        .where('desk_id', '=', deskId)
        .where('day', '=', day)
        .where('status', 'in', ['done', 'no_show'])
        .orderBy(sql`finished_at desc nulls last`)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },
    async dayTimes(officeId, day): Promise<DayTimes> {
      // Numbers only, summed up in PostgreSQL: the rules that use them (medians, shared by desks) stay in the
      // domain. Cast to float8 so that both drivers give numbers (numeric arrays come back as text).
      const { rows } = await sql<{ waits: number[] | null; services: number[] | null; desks: number }>`
        select
          array_agg(wait_minutes::float8) filter (where first_called_at is not null and wait_minutes is not null)
            as waits,
          array_agg(service_minutes::float8) filter (where status = 'done' and service_minutes is not null)
            as services,
          count(distinct desk_id)::int as desks
        from queue_tickets where office_id = ${officeId} and day = ${day}`.execute(db);
      const row = rows[0];
      return {
        waitMinutes: (row?.waits ?? []).map(Number),
        serviceMinutes: (row?.services ?? []).map(Number),
        desksThatCalled: Number(row?.desks ?? 0),
      };
    },
    async openTickets(officeId) {
      let q = db.selectFrom('queue_tickets').selectAll().where('status', 'in', OPEN);
      if (officeId !== null) q = q.where('office_id', '=', officeId);
      q = q.orderBy('office_id').orderBy('day').orderBy('seq');
      return (await q.execute()).map(toTicket);
    },
    async applicationExists(id) {
      const row = await db.selectFrom('applications').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },
    async waitSummaries(officeIds, from, today) {
      if (officeIds.length === 0) return [];
      // percentile_disc is the nearest-rank percentile: always a wait somebody had, as domain/queue's `percentile`.
      const rows = await db
        .selectFrom('queue_tickets')
        .select((eb) => [
          'office_id',
          sql<string>`count(*) filter (where ${eb.ref('day')} = ${today} and ${eb.ref('status')} in ('issued', 'transferred'))`.as(
            'waiting',
          ),
          sql<string | null>`percentile_disc(0.5) within group (order by ${eb.ref('wait_minutes')})`.as(
            'median',
          ),
          sql<string>`count(${eb.ref('wait_minutes')})`.as('measured'),
        ])
        .where('office_id', 'in', [...officeIds])
        .where('day', '>=', from)
        .where('day', '<=', today)
        .groupBy('office_id')
        .execute();
      return rows.map((r) => ({
        officeId: r.office_id,
        waitingNow: Number(r.waiting),
        typicalWaitMinutes: num(r.median),
        measuredWaits: Number(r.measured),
      }));
    },
    async visitRecords(officeId, from, to) {
      const rows = await db
        .selectFrom('queue_tickets')
        .select(['office_id', 'desk_id', 'day', 'status', 'wait_minutes', 'service_minutes'])
        .where('office_id', '=', officeId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((r) => ({
        officeId: r.office_id,
        deskId: r.desk_id,
        day: String(r.day).slice(0, 10) as PlainDate,
        status: r.status as TicketStatus,
        waitMinutes: num(r.wait_minutes),
        serviceMinutes: num(r.service_minutes),
      }));
    },
  };
}
