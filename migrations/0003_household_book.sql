-- The household book (шаруашылық кітабы), issue 4. Every change is a new complete version (append-only);
-- `households` says which version is current; `household_members` indexes the current version's members for
-- lookup by IIN and typo-tolerant name search.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE households (
  id               uuid PRIMARY KEY,
  akimat_kato      char(9) NOT NULL,
  settlement_kato  char(9) NOT NULL,
  book_number      text NOT NULL,
  account_number   text NOT NULL,
  address          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'closed')),
  current_version  integer NOT NULL,
  head_name        text NOT NULL DEFAULT '',
  updated_at       timestamptz NOT NULL,
  UNIQUE (akimat_kato, book_number, account_number)
);
CREATE INDEX households_akimat_idx ON households (akimat_kato, book_number, account_number);
CREATE INDEX households_address_trgm ON households USING gin (lower(address) gin_trgm_ops);
COMMENT ON TABLE households IS 'One row per household (personal account) of a rural akimat''s book (R-1); its state lives in household_versions.';
COMMENT ON COLUMN households.head_name IS 'Denormalised for lists: the current head''s full name.';

CREATE TABLE household_versions (
  household_id  uuid NOT NULL REFERENCES households(id),
  version       integer NOT NULL CHECK (version >= 1),
  change        text NOT NULL CHECK (change IN ('created', 'edited', 'imported', 'closed', 'reopened')),
  recorded_on   date NOT NULL,
  recorded_at   timestamptz NOT NULL,
  recorded_by   text NOT NULL,
  reason        text NOT NULL,
  doc           jsonb NOT NULL,
  PRIMARY KEY (household_id, version)
);
COMMENT ON TABLE household_versions IS 'Append-only history: the complete household (members, yearly records of land and livestock) after each change, who made it, when and why. The book can be read as of any past date (domain/household/versions.ts).';

CREATE TABLE household_members (
  household_id    uuid NOT NULL REFERENCES households(id),
  akimat_kato     char(9) NOT NULL,
  iin             char(12) NOT NULL,
  surname         text NOT NULL,
  name            text NOT NULL,
  patronymic      text,
  relation        text NOT NULL,
  joined_on       date NOT NULL,
  left_on         date,
  household_open  boolean NOT NULL,
  full_name       text NOT NULL,
  PRIMARY KEY (household_id, iin)
);
CREATE INDEX household_members_iin_idx ON household_members (iin);
-- An officer searches their own akimat's book: one index on (akimat, name trigrams) keeps that fast at national
-- scale; wider territories (district, oblast) use the name trigrams alone.
CREATE INDEX household_members_akimat_name ON household_members USING gin (akimat_kato, full_name gin_trgm_ops);
CREATE INDEX household_members_name_trgm ON household_members USING gin (full_name gin_trgm_ops);
-- One person is a current member of at most one open household (issue 4, bad input), enforced by the database
-- too, so that two officers saving at the same moment cannot both win.
CREATE UNIQUE INDEX household_members_one_open_household ON household_members (iin)
  WHERE household_open AND left_on IS NULL;
COMMENT ON TABLE household_members IS 'Members of each household''s current version, for lookup by IIN and name search. Rewritten with every new version.';
COMMENT ON COLUMN household_members.full_name IS 'lower(surname name patronymic) with Kazakh and Russian letters folded (domain/territory/kato-names foldName), for trigram search.';

CREATE TABLE household_iin_index (
  iin           char(12) NOT NULL,
  household_id  uuid NOT NULL REFERENCES households(id),
  PRIMARY KEY (iin, household_id)
);
COMMENT ON TABLE household_iin_index IS 'Every household that has ever listed an IIN in any version (never deleted), so a lookup as of a past date finds a member who has since left or been corrected away (domain/household/psf-lookup.ts).';
