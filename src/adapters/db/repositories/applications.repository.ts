/**
 * Applications and their events (issue 5; migrations/0004_service.sql). The whole domain value lives in
 * `applications.state`; the other columns are what lists and indicators filter and sort on. Events are
 * append-only. A transition updates `WHERE version = <read version>` (optimistic lock) after reading the row
 * `FOR UPDATE`, so two officers acting at once are served one after the other.
 */
import { type Kysely, sql } from 'kysely';
import type { ApplicationQuery, ApplicationRepository } from '../../../app/ports';
import type { Application, ApplicationEvent } from '../../../domain/applications';
import type { Database } from '../schema';

function applicantName(a: Application): string {
  const p = a.applicant;
  return [p.surname, p.name, p.patronymic].filter((x) => x && x.trim() !== '').join(' ');
}

function columns(a: Application) {
  return {
    channel: a.channel,
    status: a.status,
    applicant_iin: a.applicant.iin,
    applicant_name: applicantName(a),
    akimat_kato: a.akimatKato,
    psc_office_id: a.pscOfficeId,
    received_at: a.receivedAt,
    due_at: a.deadline?.dueAt ?? null,
    decided_at: a.decidedAt,
    handed_over_at: a.handedOverAt,
    version: a.version,
    state: JSON.stringify(a),
  };
}

function toEventRows(events: readonly ApplicationEvent[]) {
  return events.map((e) => ({
    application_id: e.applicationId,
    seq: e.seq,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    at: e.at,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    office_id: e.officeId,
    details: JSON.stringify(e.details),
  }));
}

const EVENT_COLUMNS = [
  'application_id',
  'seq',
  'action',
  'from_status',
  'to_status',
  'at',
  'actor_id',
  'actor_role',
  'office_id',
  'details',
] as const;

/** The event rows as one JSON array for jsonb_populate_recordset: `details` as an object, not as JSON text. */
function toEventJson(events: readonly ApplicationEvent[]) {
  return toEventRows(events).map((r, i) => ({ ...r, details: events[i]!.details }));
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export function applicationsRepository(db: Kysely<Database>): ApplicationRepository {
  return {
    async insert(application, events) {
      const row = { id: application.id, ...columns(application) };
      if (events.length === 0) {
        await db.insertInto('applications').values(row).execute();
        return;
      }
      // One statement, one round trip: the application in a CTE, its events in the main insert (their foreign
      // key is checked at the end of the statement, when the application is there).
      await db
        .with('inserted', (qb) => qb.insertInto('applications').values(row).returning('id'))
        .insertInto('application_events')
        .values(toEventRows(events))
        .execute();
    },

    async findForUpdate(id) {
      const row = await db
        .selectFrom('applications')
        .select('state')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? (parseJson(row.state) as Application) : undefined;
    },

    async findById(id) {
      const row = await db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirst();
      return row ? (parseJson(row.state) as Application) : undefined;
    },

    async update(application, expectedVersion, events) {
      const moved = (qb: Kysely<Database>) =>
        qb
          .updateTable('applications')
          .set(columns(application))
          .where('id', '=', application.id)
          .where('version', '=', expectedVersion);
      if (events.length === 0) {
        const result = await moved(db).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      }
      // One statement, one round trip: the events are inserted only if the update found the version it expected
      // (one row from `moved`), so "inserted as many events as given" means "moved".
      const result = await db
        .with('moved', (qb) => moved(qb as Kysely<Database>).returning('id'))
        .insertInto('application_events')
        .columns(EVENT_COLUMNS)
        .expression(
          sql`select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(`e.${c}`)))}
              from moved, jsonb_populate_recordset(null::application_events, ${JSON.stringify(toEventJson(events))}::jsonb) as e`,
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows) === events.length;
    },

    async events(id) {
      const rows = await db
        .selectFrom('application_events')
        .selectAll()
        .where('application_id', '=', id)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        applicationId: r.application_id,
        seq: r.seq,
        action: r.action as ApplicationEvent['action'],
        fromStatus: r.from_status as ApplicationEvent['fromStatus'],
        toStatus: r.to_status as ApplicationEvent['toStatus'],
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id ?? '',
        actorRole: r.actor_role ?? '',
        officeId: r.office_id,
        details: (parseJson(r.details) ?? {}) as Record<string, unknown>,
      }));
    },

    async list(query: ApplicationQuery) {
      let q = db.selectFrom('applications');
      if (query.akimatKato !== undefined) q = q.where('akimat_kato', '=', query.akimatKato);
      if (query.akimatPrefix !== undefined) q = q.where('akimat_kato', 'like', `${query.akimatPrefix}%`);
      if (query.pscOfficeId !== undefined) q = q.where('psc_office_id', '=', query.pscOfficeId);
      if (query.applicantIin !== undefined) q = q.where('applicant_iin', '=', query.applicantIin);
      if (query.channel !== undefined) q = q.where('channel', '=', query.channel);
      if (query.statuses !== undefined && query.statuses.length > 0) {
        q = q.where('status', 'in', [...query.statuses]);
      }
      const count = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .select('state')
        .orderBy(sql`due_at asc nulls last`)
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return { total: Number(count.n), applications: rows.map((r) => parseJson(r.state) as Application) };
    },
  };
}
