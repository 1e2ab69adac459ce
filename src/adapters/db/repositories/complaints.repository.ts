/** Complaints, their events, surveys with follow-up tasks, and the notification outbox (migration 0009). */
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  ApplicationRef,
  ComplaintEvent,
  ComplaintRecord,
  ComplaintRepository,
  FollowupTask,
  Office,
  OutboxRepository,
  SurveyRepository,
} from '../../../app/ports';
import type {
  ComplaintChannel,
  ComplaintKind,
  ComplaintOutcome,
  ComplaintStatus,
} from '../../../domain/complaints/complaint';
import type { ReviewLevel } from '../../../domain/complaints/routing';
import type { ComplaintsTable, Database } from '../schema';
import { officesRepository } from './offices.repository';

function toRecord(r: Selectable<ComplaintsTable>): ComplaintRecord {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as ComplaintKind,
    channel: r.channel as ComplaintChannel,
    status: r.status as ComplaintStatus,
    language: r.language as 'kk' | 'ru',
    complainantIin: r.complainant_iin,
    complainantName: r.complainant_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    applicationId: r.application_id,
    subject: {
      akimatKato: r.subject_akimat_kato,
      pscOfficeId: r.subject_psc_office_id,
      channel: r.subject_channel as 'akimat' | 'psc' | 'online' | null,
    },
    text: r.text,
    intakeOfficeId: r.intake_office_id,
    acceptedBy: r.accepted_by,
    acceptedByName: r.accepted_by_name,
    registeredAt: new Date(r.registered_at),
    countsFrom: r.counts_from,
    dueAt: new Date(r.due_at),
    amberAt: new Date(r.amber_at),
    reviewDays: r.review_days,
    reviewer: {
      level: r.reviewer_level as ReviewLevel,
      kato: r.reviewer_kato,
      pscOfficeId: r.reviewer_psc_office_id,
    },
    reviewerOfficeId: r.reviewer_office_id,
    underReviewAt: r.under_review_at && new Date(r.under_review_at),
    forwardedAt: r.forwarded_at && new Date(r.forwarded_at),
    escalatedAt: r.escalated_at && new Date(r.escalated_at),
    deadlineAlertAt: r.deadline_alert_at && new Date(r.deadline_alert_at),
    answeredAt: r.answered_at && new Date(r.answered_at),
    outcome: r.outcome as ComplaintOutcome | null,
    answerText: r.answer_text,
    answeredBy: r.answered_by,
    answeredByName: r.answered_by_name,
    version: r.version,
  };
}

function toRow(c: ComplaintRecord) {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    status: c.status,
    language: c.language,
    complainant_iin: c.complainantIin,
    complainant_name: c.complainantName,
    contact_phone: c.contactPhone,
    contact_email: c.contactEmail,
    application_id: c.applicationId,
    subject_akimat_kato: c.subject.akimatKato,
    subject_psc_office_id: c.subject.pscOfficeId,
    subject_channel: c.subject.channel,
    text: c.text,
    intake_office_id: c.intakeOfficeId,
    accepted_by: c.acceptedBy,
    accepted_by_name: c.acceptedByName,
    registered_at: c.registeredAt,
    counts_from: c.countsFrom,
    due_at: c.dueAt,
    amber_at: c.amberAt,
    review_days: c.reviewDays,
    reviewer_level: c.reviewer.level,
    reviewer_kato: c.reviewer.kato,
    reviewer_psc_office_id: c.reviewer.pscOfficeId,
    reviewer_office_id: c.reviewerOfficeId,
    under_review_at: c.underReviewAt,
    forwarded_at: c.forwardedAt,
    escalated_at: c.escalatedAt,
    deadline_alert_at: c.deadlineAlertAt,
    answered_at: c.answeredAt,
    outcome: c.outcome,
    answer_text: c.answerText,
    answered_by: c.answeredBy,
    answered_by_name: c.answeredByName,
  };
}

export function complaintsRepository(db: Kysely<Database>): ComplaintRepository {
  return {
    async nextNumber(year) {
      const row = await sql<{ last_seq: number }>`
        insert into document_sequences (issuer, kind, year, last_seq) values ('complaints', 'complaint', ${year}, 1)
        on conflict (issuer, kind, year) do update set last_seq = document_sequences.last_seq + 1
        returning last_seq`.execute(db);
      return Number(row.rows[0]!.last_seq);
    },
    async insert(c) {
      await db
        .insertInto('complaints')
        .values({ ...toRow(c), version: 1 })
        .execute();
    },
    async findById(id) {
      const r = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRecord(r);
    },
    async findByNumber(number) {
      const r = await db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirst();
      return r && toRecord(r);
    },
    async update(c, expectedVersion) {
      const res = await db
        .updateTable('complaints')
        .set({ ...toRow(c), version: expectedVersion + 1 })
        .where('id', '=', c.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async appendEvent(complaintId, e) {
      const next = await db
        .selectFrom('complaint_events')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
        .where('complaint_id', '=', complaintId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('complaint_events')
        .values({
          complaint_id: complaintId,
          seq: Number(next.seq),
          action: e.action,
          from_status: e.fromStatus,
          to_status: e.toStatus,
          at: e.at,
          actor_id: e.actorId,
          actor_role: e.actorRole,
          details: JSON.stringify(e.details),
        })
        .execute();
    },
    async events(complaintId) {
      const rows = await db
        .selectFrom('complaint_events')
        .selectAll()
        .where('complaint_id', '=', complaintId)
        .orderBy('seq')
        .execute();
      return rows.map(
        (r): ComplaintEvent => ({
          action: r.action,
          fromStatus: r.from_status,
          toStatus: r.to_status,
          at: new Date(r.at),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<
            string,
            unknown
          >,
        }),
      );
    },
    async list(q) {
      let query = db.selectFrom('complaints').selectAll();
      if (q.reviewer) {
        query = query.where('reviewer_level', '=', q.reviewer.level);
        if (q.reviewer.level === 'psc')
          query = query.where('reviewer_psc_office_id', '=', q.reviewer.pscOfficeId ?? '');
        else query = query.where('reviewer_kato', '=', q.reviewer.kato ?? '');
      }
      if (q.complainantIin) query = query.where('complainant_iin', '=', q.complainantIin);
      if (q.openOnly) query = query.where('status', '<>', 'answered');
      const rows = await query.orderBy('due_at').orderBy('number').limit(q.limit).execute();
      return rows.map(toRecord);
    },
    async overdue(now, limit) {
      const rows = await db
        .selectFrom('complaints')
        .selectAll()
        .where('status', '<>', 'answered')
        .where('due_at', '<=', now)
        .where('escalated_at', 'is', null)
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
    async nearDeadline(now, limit) {
      const rows = await db
        .selectFrom('complaints')
        .selectAll()
        .where('status', '<>', 'answered')
        .where('amber_at', '<=', now)
        .where('due_at', '>', now)
        .where('deadline_alert_at', 'is', null)
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
    async findApplication(id): Promise<ApplicationRef | undefined> {
      const r = await db
        .selectFrom('applications')
        .select(['id', 'channel', 'status', 'applicant_iin', 'akimat_kato', 'psc_office_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          channel: r.channel as ApplicationRef['channel'],
          applicantIin: r.applicant_iin,
          akimatKato: r.akimat_kato,
          pscOfficeId: r.psc_office_id,
          status: r.status,
        }
      );
    },
    async findApparatus(level, kato): Promise<Office | undefined> {
      const kinds =
        level === 'oblast'
          ? ['oblast_apparatus', 'city_apparatus']
          : ['district_apparatus', 'city_apparatus'];
      const row = await db
        .selectFrom('offices')
        .select('id')
        .where('kato', '=', kato)
        .where('kind', 'in', kinds)
        .orderBy('ordinal')
        .executeTakeFirst();
      return row ? officesRepository(db).findById(row.id) : undefined;
    },
  };
}

export function surveysRepository(db: Kysely<Database>): SurveyRepository {
  return {
    async insert(s) {
      const res = await db
        .insertInto('surveys')
        .values({
          id: s.id,
          subject: s.subject,
          subject_key: s.subjectKey,
          office_kato: s.officeKato,
          office_id: s.officeId,
          answered_on: s.answeredOn,
          q_2_1: s.scores['2.1'] ?? null,
          q_3_1: s.scores['3.1'] ?? null,
          q_4_3: s.scores['4.3'] ?? null,
          q_4_4: s.scores['4.4'] ?? null,
          q_5_1: s.scores['5.1'] ?? null,
        })
        .onConflict((oc) => oc.column('subject_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return res !== undefined;
    },
    async subjectKeySecret() {
      // Made by migration 0020 where there were answers to key, else by the first answer; whichever instance
      // inserts first wins, the others read its value (the insert waits for that transaction). Two statements on
      // purpose: one (a CTE and a SELECT) would read with the snapshot taken before a concurrent first insert
      // committed, and find no row.
      const candidate = randomBytes(48).toString('hex');
      await sql`insert into server_secrets (name, value) values ('survey_subject_key', ${candidate})
        on conflict (name) do nothing`.execute(db);
      const row = await sql<{ value: string }>`
        select value from server_secrets where name = 'survey_subject_key'`.execute(db);
      return row.rows[0]!.value;
    },
    async insertFollowup(t) {
      await db
        .insertInto('followup_tasks')
        .values({
          id: t.id,
          survey_id: t.surveyId,
          office_kato: t.officeKato,
          office_id: t.officeId,
          indicators: [...t.indicators],
          status: t.status,
          created_at: t.createdAt,
        })
        .execute();
    },
    async followups(f) {
      let q = db.selectFrom('followup_tasks').selectAll();
      if (f.officeId) q = q.where('office_id', '=', f.officeId);
      if (f.withinKato) q = q.where('office_kato', 'like', `${f.withinKato.replace(/0+$/, '')}%`);
      const rows = await q.orderBy('created_at', 'desc').limit(f.limit).execute();
      return rows.map(
        (r): FollowupTask => ({
          id: r.id,
          surveyId: r.survey_id,
          officeKato: r.office_kato,
          officeId: r.office_id,
          indicators: r.indicators,
          status: r.status as 'open' | 'closed',
          createdAt: new Date(r.created_at),
        }),
      );
    },
  };
}

export function outboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async enqueue(m) {
      await db
        .insertInto('notification_outbox')
        .values({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          language: m.language,
          template: m.template,
          subject: m.subject,
          body: m.body,
          next_attempt_at: m.createdAt,
          created_at: m.createdAt,
        })
        .execute();
    },
  };
}
