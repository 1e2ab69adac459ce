-- The service itself (issue 5): applications in three channels with an append-only event row per transition,
-- issued documents (certificates and reasoned refusals) with gapless numbers per akimat and year, and the
-- Ed25519 keys that sign the QR payloads.

CREATE TABLE applications (
  id                uuid PRIMARY KEY,
  channel           text NOT NULL CHECK (channel IN ('akimat', 'psc', 'online')),
  status            text NOT NULL,
  applicant_iin     char(12) NOT NULL,
  applicant_name    text NOT NULL,
  akimat_kato       char(9),
  psc_office_id     text,
  received_at       timestamptz NOT NULL,
  due_at            timestamptz,
  decided_at        timestamptz,
  handed_over_at    timestamptz,
  version           integer NOT NULL DEFAULT 1,
  state             jsonb NOT NULL
);
CREATE INDEX applications_akimat_status_idx ON applications (akimat_kato, status, due_at);
CREATE INDEX applications_psc_status_idx ON applications (psc_office_id, status, due_at);
CREATE INDEX applications_applicant_idx ON applications (applicant_iin, received_at DESC);
CREATE INDEX applications_received_idx ON applications (received_at);
COMMENT ON TABLE applications IS 'One application for the certificate (R-7, R-11..R-13, R-22): its current state (state = the domain value) and the columns lists and indicators filter on. Transitions are in application_events.';
COMMENT ON COLUMN applications.version IS 'Optimistic concurrency: a transition updates WHERE version = the version read, so two officers deciding at once cannot both succeed.';

CREATE TABLE application_events (
  application_id  uuid NOT NULL REFERENCES applications(id),
  seq             integer NOT NULL,
  action          text NOT NULL,
  from_status     text,
  to_status       text NOT NULL,
  at              timestamptz NOT NULL,
  actor_id        text,
  actor_role      text,
  office_id       text,
  details         jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (application_id, seq)
);
COMMENT ON TABLE application_events IS 'Append-only: every transition of an application — who, when, which office, what (R-13: every hand-off recorded with time and person).';

CREATE TABLE document_sequences (
  issuer       text NOT NULL,
  kind         text NOT NULL,
  year         integer NOT NULL,
  last_seq     integer NOT NULL,
  PRIMARY KEY (issuer, kind, year)
);
COMMENT ON TABLE document_sequences IS 'Document numbers are sequential per issuer (the akimat''s KATO, or the PSC for a refusal at intake), kind and year, never reused: taken by UPDATE … RETURNING inside the issuing transaction (a row lock), so concurrent issuing gives unique, gapless numbers.';

CREATE TABLE issued_documents (
  id                uuid PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('certificate', 'refusal')),
  number            text NOT NULL UNIQUE,
  issuer            text NOT NULL,
  year              integer NOT NULL,
  seq               integer NOT NULL,
  application_id    uuid NOT NULL REFERENCES applications(id),
  applicant_iin     char(12) NOT NULL,
  issued_at         timestamptz NOT NULL,
  issued_by         text NOT NULL,
  content           jsonb NOT NULL,
  key_id            text,
  qr_text           text,
  status            text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked', 'superseded')),
  superseded_by     uuid REFERENCES issued_documents(id),
  revoked_at        timestamptz,
  revoke_reason     text,
  UNIQUE (issuer, kind, year, seq)
);
CREATE INDEX issued_documents_applicant_idx ON issued_documents (applicant_iin);
CREATE INDEX issued_documents_application_idx ON issued_documents (application_id);
COMMENT ON TABLE issued_documents IS 'Every certificate and reasoned refusal issued (R-5, R-6). Content never changes: a correction issues a new document that supersedes this one; a revocation records its reason (R-23).';

CREATE TABLE signing_keys (
  key_id        text PRIMARY KEY,
  algorithm     text NOT NULL DEFAULT 'Ed25519',
  public_key    text NOT NULL,
  private_key   text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  retired_at    timestamptz
);
COMMENT ON TABLE signing_keys IS 'Ed25519 keys that sign certificate QR payloads (R-23). The newest active key signs; retired keys keep verifying old certificates; all public keys are published at /.well-known/qosalqy/keys.json.';
COMMENT ON COLUMN signing_keys.private_key IS 'PKCS#8 PEM. Kept with the data so every instance signs alike; a deployment may instead provide keys from a secret store (docs/SECURITY.md).';
COMMENT ON COLUMN issued_documents.issuer IS 'The akimat''s KATO code, or the PSC office id for a refusal at intake (ground 1).';
