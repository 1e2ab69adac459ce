/** Kysely's view of the tables in migrations/. Keep in step with the SQL: the SQL is the source of truth. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  territory_kato: string | null;
  office_id: string | null;
  iin: string | null;
  locale: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
}

export interface AuthFailuresTable {
  id: Generated<string>;
  username: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  /** NULL until sealed (ADR 0008); set once by the sealer. */
  seq: ColumnType<number | null, never, number>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  outcome: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string, number | string, number | string>;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  applied_at: Timestamp;
}

export interface CalendarChangesTable {
  id: Generated<number>;
  change: ColumnType<unknown, string, never>;
  made_by: string | null;
  made_at: ColumnType<Date, unknown, never>;
}

export interface KatoNodesTable {
  code: string;
  parent_code: string | null;
  level: number;
  kind: string;
  name_kk: string | null;
  name_ru: string;
  is_provider: boolean;
  valid_from: string | null;
  valid_to: string | null;
  history: ColumnType<unknown, string, string>;
}

export interface OfficesTable {
  id: string;
  kind: string;
  appendix: number | null;
  ordinal: number | null;
  schedule: string;
  kato: string | null;
  oblast_kk: string | null;
  oblast_ru: string | null;
  name_kk: string;
  name_ru: string;
  address: string | null;
  phones: ColumnType<string[], string, string>;
  fax: string | null;
  emails: ColumnType<string[], string, string>;
  search_text: string;
}

export interface HouseholdsTable {
  id: string;
  akimat_kato: string;
  settlement_kato: string;
  book_number: string;
  account_number: string;
  address: string;
  status: string;
  current_version: number;
  head_name: string;
  updated_at: Timestamp;
}

export interface HouseholdVersionsTable {
  household_id: string;
  version: number;
  change: string;
  recorded_on: ColumnType<string, string, never>;
  recorded_at: Timestamp;
  recorded_by: string;
  reason: string;
  doc: ColumnType<unknown, string, never>;
}

export interface HouseholdMembersTable {
  household_id: string;
  akimat_kato: string;
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  relation: string;
  joined_on: ColumnType<string, string, string>;
  left_on: ColumnType<string | null, string | null, string | null>;
  household_open: boolean;
  full_name: string;
}

/** Search copy of the members' names (migration 0022, ADR 0010). */
export interface HouseholdNamesTable {
  household_id: string;
  iin: string;
  akimat_kato: string;
  full_name: string;
  display_name: string;
}

export interface HouseholdNamesPendingTable {
  seq: Generated<string>;
  household_id: string;
}

export interface HouseholdIinIndexTable {
  iin: string;
  household_id: string;
}

/** migrations/0004_service.sql: applications in three channels (issue 5). */
export interface ApplicationsTable {
  id: string;
  channel: string;
  status: string;
  applicant_iin: string;
  applicant_name: string;
  akimat_kato: string | null;
  psc_office_id: string | null;
  received_at: Timestamp;
  due_at: Timestamp | null;
  decided_at: Timestamp | null;
  handed_over_at: Timestamp | null;
  version: Generated<number>;
  state: ColumnType<unknown, string, string>;
}

export interface ApplicationEventsTable {
  application_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  office_id: string | null;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface DocumentSequencesTable {
  issuer: string;
  kind: string;
  year: number;
  last_seq: number;
}

export interface IssuedDocumentsTable {
  id: string;
  kind: string;
  number: string;
  issuer: string;
  year: number;
  seq: number;
  application_id: string;
  applicant_iin: string;
  issued_at: Timestamp;
  issued_by: string;
  content: ColumnType<unknown, string, never>;
  key_id: string | null;
  qr_text: string | null;
  status: Generated<string>;
  superseded_by: string | null;
  revoked_at: Timestamp | null;
  revoke_reason: string | null;
}

export interface SigningKeysTable {
  key_id: string;
  algorithm: Generated<string>;
  public_key: string;
  private_key: string;
  created_at: Generated<Timestamp>;
  retired_at: Timestamp | null;
}

/** migrations/0007_queue.sql: the walk-in queue (issue 6). */
export interface QueueDesksTable {
  id: string;
  office_id: string;
  number: number;
  created_at: Generated<Timestamp>;
}

export interface QueueDayCountersTable {
  office_id: string;
  day: string;
  last_seq: number;
}

export interface QueueTicketsTable {
  id: string;
  office_id: string;
  day: string;
  seq: number;
  number: string;
  status: string;
  issued_at: Timestamp;
  first_called_at: Timestamp | null;
  last_called_at: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  closed_at: Timestamp | null;
  desk_id: string | null;
  target_desk_id: string | null;
  recalls: number;
  wait_minutes: number | null;
  service_minutes: number | null;
  application_id: string | null;
  version: number;
}

export interface QueueTicketEventsTable {
  ticket_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_id: string | null;
  desk_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

/** migrations/0011_kpi.sql: the ministry's indicator targets, every entry kept (issue 8, R-15). */
export interface KpiTargetsTable {
  id: Generated<number>;
  code: string;
  year: number;
  /** numeric(5,2), read as a number on both engines (database.ts). */
  value: number;
  set_by: string | null;
  set_at: Timestamp;
}

export interface ComplaintsTable {
  id: string;
  number: string;
  kind: string;
  channel: string;
  status: string;
  language: string;
  complainant_iin: string;
  complainant_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  application_id: string | null;
  subject_akimat_kato: string | null;
  subject_psc_office_id: string | null;
  subject_channel: string | null;
  text: string;
  intake_office_id: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  registered_at: Timestamp;
  counts_from: ColumnType<string, string, string>;
  due_at: Timestamp;
  amber_at: Timestamp;
  review_days: number;
  reviewer_level: string;
  reviewer_kato: string | null;
  reviewer_psc_office_id: string | null;
  reviewer_office_id: string | null;
  under_review_at: Timestamp | null;
  forwarded_at: Timestamp | null;
  escalated_at: Timestamp | null;
  deadline_alert_at: Timestamp | null;
  answered_at: Timestamp | null;
  outcome: string | null;
  answer_text: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  version: Generated<number>;
}

export interface ComplaintEventsTable {
  complaint_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface SurveysTable {
  id: string;
  subject: string;
  subject_key: string;
  office_kato: string | null;
  office_id: string | null;
  answered_on: ColumnType<string, string, string>;
  q_2_1: number | null;
  q_3_1: number | null;
  q_4_3: number | null;
  q_4_4: number | null;
  q_5_1: number | null;
}

export interface FollowupTasksTable {
  id: string;
  survey_id: string;
  office_kato: string | null;
  office_id: string | null;
  indicators: string[];
  status: Generated<string>;
  created_at: Timestamp;
}

export interface NotificationOutboxTable {
  id: string;
  channel: string;
  recipient: string;
  language: string;
  template: string;
  subject: string;
  body: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  claim_token: string | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
  calendar_changes: CalendarChangesTable;
  kato_nodes: KatoNodesTable;
  offices: OfficesTable;
  households: HouseholdsTable;
  household_versions: HouseholdVersionsTable;
  household_members: HouseholdMembersTable;
  household_iin_index: HouseholdIinIndexTable;
  household_names: HouseholdNamesTable;
  household_names_pending: HouseholdNamesPendingTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  document_sequences: DocumentSequencesTable;
  issued_documents: IssuedDocumentsTable;
  signing_keys: SigningKeysTable;
  queue_desks: QueueDesksTable;
  queue_day_counters: QueueDayCountersTable;
  queue_tickets: QueueTicketsTable;
  queue_ticket_events: QueueTicketEventsTable;
  kpi_targets: KpiTargetsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  surveys: SurveysTable;
  followup_tasks: FollowupTasksTable;
  notification_outbox: NotificationOutboxTable;
}
