-- The walk-in queue (issue 6; R-8, R-9, R-10): desks of an office, tickets numbered per office and day, and an
-- append-only event row per transition. Waits and services are measured in open minutes by domain/queue.

CREATE TABLE queue_desks (
  id          uuid PRIMARY KEY,
  office_id   text NOT NULL,
  number      integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (office_id, number)
);
COMMENT ON TABLE queue_desks IS 'A desk (window) of an office where operators call people; numbered within the office. office_id names a row of offices (no foreign key: a directory import replaces offices).';

CREATE TABLE queue_day_counters (
  office_id   text NOT NULL,
  day         date NOT NULL,
  last_seq    integer NOT NULL,
  PRIMARY KEY (office_id, day)
);
COMMENT ON TABLE queue_day_counters IS 'The last ticket number given today per office: numbers restart every civil day (Asia/Almaty); taken with INSERT … ON CONFLICT DO UPDATE, so two kiosks never get the same number.';

CREATE TABLE queue_tickets (
  id                uuid PRIMARY KEY,
  office_id         text NOT NULL,
  day               date NOT NULL,
  seq               integer NOT NULL CHECK (seq >= 1),
  number            text NOT NULL,
  status            text NOT NULL CHECK (status IN ('issued', 'called', 'serving', 'done', 'no_show', 'transferred', 'office_closed')),
  issued_at         timestamptz NOT NULL,
  first_called_at   timestamptz,
  last_called_at    timestamptz,
  started_at        timestamptz,
  finished_at       timestamptz,
  closed_at         timestamptz,
  desk_id           uuid REFERENCES queue_desks(id),
  target_desk_id    uuid REFERENCES queue_desks(id),
  recalls           integer NOT NULL DEFAULT 0,
  wait_minutes      numeric(9, 2),
  service_minutes   numeric(9, 2),
  application_id    uuid REFERENCES applications(id),
  version           integer NOT NULL,
  UNIQUE (office_id, day, seq)
);
CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (office_id, day, seq) WHERE status IN ('issued', 'transferred');
CREATE INDEX queue_tickets_open_idx ON queue_tickets (office_id) WHERE status IN ('issued', 'called', 'serving', 'transferred');
CREATE INDEX queue_tickets_office_day_idx ON queue_tickets (office_id, day);
COMMENT ON TABLE queue_tickets IS 'A walk-in visit (R-8, R-9): first come, first served; the current state of the ticket, with every transition in queue_ticket_events.';
COMMENT ON COLUMN queue_tickets.wait_minutes IS 'R-8: open minutes (R-10) from issue to the first call, or to the close for a ticket never called.';
COMMENT ON COLUMN queue_tickets.service_minutes IS 'R-8: open minutes from the first call to the finish.';
COMMENT ON COLUMN queue_tickets.target_desk_id IS 'While transferred: the desk that is to call the ticket next.';
COMMENT ON COLUMN queue_tickets.application_id IS 'The application the visit led to (issue 5), once the operator links it.';
COMMENT ON COLUMN queue_tickets.version IS 'Number of events so far; a transition updates WHERE version = the version read.';

CREATE TABLE queue_ticket_events (
  ticket_id     uuid NOT NULL REFERENCES queue_tickets(id),
  seq           integer NOT NULL,
  action        text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      uuid,
  desk_id       uuid,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (ticket_id, seq)
);
COMMENT ON TABLE queue_ticket_events IS 'Append-only: every transition of a ticket — who, when, at which desk, what (issue, call, recall, start, finish, no_show, transfer, close).';
