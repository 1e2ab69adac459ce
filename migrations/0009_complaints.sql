-- Complaints with talons (R-16..R-18), satisfaction surveys with follow-up tasks (R-19), and the notification
-- outbox (R-24), issue 7.

CREATE TABLE complaints (
  id                      uuid PRIMARY KEY,
  number                  text NOT NULL UNIQUE,
  kind                    text NOT NULL CHECK (kind IN ('result', 'service')),
  channel                 text NOT NULL CHECK (channel IN ('office', 'online')),
  status                  text NOT NULL CHECK (status IN ('registered', 'forwarded', 'escalated', 'under_review', 'answered')),
  language                text NOT NULL CHECK (language IN ('kk', 'ru')),
  complainant_iin         char(12) NOT NULL,
  complainant_name        text NOT NULL,
  contact_phone           text,
  contact_email           text,
  application_id          uuid REFERENCES applications(id),
  subject_akimat_kato     char(9),
  subject_psc_office_id   text,
  subject_channel         text,
  text                    text NOT NULL CHECK (length(btrim(text)) > 0),
  intake_office_id        text,
  accepted_by             text,
  accepted_by_name        text,
  registered_at           timestamptz NOT NULL,
  counts_from             date NOT NULL,
  due_at                  timestamptz NOT NULL,
  amber_at                timestamptz NOT NULL,
  review_days             integer NOT NULL,
  reviewer_level          text NOT NULL CHECK (reviewer_level IN ('akimat', 'psc', 'district', 'oblast')),
  reviewer_kato           char(9),
  reviewer_psc_office_id  text,
  reviewer_office_id      text,
  under_review_at         timestamptz,
  forwarded_at            timestamptz,
  escalated_at            timestamptz,
  deadline_alert_at       timestamptz,
  answered_at             timestamptz,
  outcome                 text CHECK (outcome IN ('justified_satisfied', 'justified_partly', 'not_justified')),
  answer_text             text,
  answered_by             text,
  answered_by_name        text,
  version                 integer NOT NULL DEFAULT 1,
  CHECK ((status = 'answered') = (outcome IS NOT NULL AND answered_at IS NOT NULL AND answer_text IS NOT NULL))
);
CREATE INDEX complaints_reviewer_idx ON complaints (reviewer_level, reviewer_kato, status, due_at);
CREATE INDEX complaints_reviewer_psc_idx ON complaints (reviewer_psc_office_id, status, due_at);
CREATE INDEX complaints_open_due_idx ON complaints (due_at) WHERE status <> 'answered';
CREATE INDEX complaints_complainant_idx ON complaints (complainant_iin, registered_at DESC);
CREATE INDEX complaints_application_idx ON complaints (application_id);
COMMENT ON TABLE complaints IS 'A complaint about the service (R-16..R-18): who filed it and where, what it is about (an application or an office), the addressee by the routing table of R-17 (reviewer_*), the deadline (5 working days, configurable; counts_from is the working day it counts as received) and the reasoned answer. Transitions are in complaint_events.';
COMMENT ON COLUMN complaints.number IS 'C<year>-<6 digits>, sequential per year from document_sequences (issuer ''complaints''); with the IIN it opens the public status page.';
COMMENT ON COLUMN complaints.amber_at IS 'From this instant the reviewer''s list shows the complaint amber (the last working day); red after due_at.';
COMMENT ON COLUMN complaints.reviewer_office_id IS 'The addressee''s office in the directory (offices.id): a district or oblast akim''s apparatus, a rural akimat, or a PSC.';
COMMENT ON COLUMN complaints.version IS 'Optimistic concurrency: a transition updates WHERE version = the version read.';

CREATE TABLE complaint_events (
  complaint_id  uuid NOT NULL REFERENCES complaints(id),
  seq           integer NOT NULL,
  action        text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      text,
  actor_role    text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (complaint_id, seq)
);
COMMENT ON TABLE complaint_events IS 'Append-only: every transition of a complaint — registered, taken under review, forwarded (to whom, when), escalated, answered.';

CREATE TABLE surveys (
  id            uuid PRIMARY KEY,
  subject       text NOT NULL CHECK (subject IN ('application', 'complaint')),
  subject_key   text NOT NULL UNIQUE,
  office_kato   char(9),
  office_id     text,
  answered_on   date NOT NULL,
  q_2_1         smallint CHECK (q_2_1 BETWEEN 1 AND 5),
  q_3_1         smallint CHECK (q_3_1 BETWEEN 1 AND 5),
  q_4_3         smallint CHECK (q_4_3 BETWEEN 1 AND 5),
  q_4_4         smallint CHECK (q_4_4 BETWEEN 1 AND 5),
  q_5_1         smallint CHECK (q_5_1 BETWEEN 1 AND 5)
);
CREATE INDEX surveys_office_idx ON surveys (office_kato, office_id, answered_on);
COMMENT ON TABLE surveys IS 'Satisfaction answers (R-19): one column per Appendix 3 indicator (2.1, 3.1, 4.3, 4.4, 5.1), scores 1..5. Anonymous: no respondent, no official, only the office and the day; subject_key (a hash of the application or complaint id) makes one answer per subject.';
COMMENT ON COLUMN surveys.subject_key IS 'sha256 of ''survey:<subject>:<id>'': enforces one answer per application or complaint without storing the id next to the scores.';

CREATE TABLE followup_tasks (
  id            uuid PRIMARY KEY,
  survey_id     uuid NOT NULL REFERENCES surveys(id),
  office_kato   char(9),
  office_id     text,
  indicators    text[] NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at    timestamptz NOT NULL
);
CREATE INDEX followup_tasks_office_idx ON followup_tasks (office_kato, office_id, status);
COMMENT ON TABLE followup_tasks IS 'A low survey score (≤ 2) opens a task for the director (R-19): the PSC director for a PSC, the district akim for a rural akimat. The rated official cannot read it.';

CREATE TABLE notification_outbox (
  id               uuid PRIMARY KEY,
  channel          text NOT NULL CHECK (channel IN ('log', 'email', 'sms')),
  recipient        text NOT NULL,
  language         text NOT NULL CHECK (language IN ('kk', 'ru')),
  template         text NOT NULL,
  subject          text NOT NULL,
  body             text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  lease_until      timestamptz,
  claim_token      text,
  last_error       text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
COMMENT ON TABLE notification_outbox IS 'R-24: messages written in the transaction of the change they announce, delivered by the worker. A claim sets status sending with a lease; a crash before the success is recorded lets the lease expire and the message is delivered again (at least once; the id is passed to the transport as an idempotency key). A recorded success (status sent) is never claimed again.';
COMMENT ON COLUMN notification_outbox.status IS 'pending → sending (claimed, lease_until) → sent; a failure returns it to pending with next_attempt_at backed off; after the last attempt it is dead (kept, re-queueable).';
