-- Reference data: the territory (KATO), the office directory (Appendices 1–2 of the standard + rural akimats),
-- and administrators' additions to the working calendar.

CREATE TABLE kato_nodes (
  code          char(9) PRIMARY KEY,
  parent_code   char(9),
  level         smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  kind          text NOT NULL,
  name_kk       text,
  name_ru       text NOT NULL,
  is_provider   boolean NOT NULL DEFAULT false,
  valid_from    date,
  valid_to      date,
  history       jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX kato_nodes_parent_idx ON kato_nodes (parent_code);
CREATE INDEX kato_nodes_provider_idx ON kato_nodes (code) WHERE is_provider;
COMMENT ON TABLE kato_nodes IS 'The territory classifier KATO (R-1): oblast → district → rural akimat → settlement. A code keeps one meaning forever: nodes that disappear get valid_to, renames go to history (domain/territory).';
COMMENT ON COLUMN kato_nodes.is_provider IS 'Rural district, village or settlement akimat: provides the service and keeps a household book.';

CREATE TABLE offices (
  id            text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('oblast_apparatus', 'district_apparatus', 'city_apparatus', 'psc', 'rural_akimat')),
  appendix      smallint CHECK (appendix IN (1, 2)),
  ordinal       integer,
  schedule      text NOT NULL CHECK (schedule IN ('akimat', 'psc', 'psc_branch')),
  kato          char(9),
  oblast_kk     text,
  oblast_ru     text,
  name_kk       text NOT NULL,
  name_ru       text NOT NULL,
  address       text,
  phones        jsonb NOT NULL DEFAULT '[]'::jsonb,
  fax           text,
  emails        jsonb NOT NULL DEFAULT '[]'::jsonb,
  search_text   text NOT NULL DEFAULT ''
);
CREATE INDEX offices_kind_idx ON offices (kind);
CREATE INDEX offices_kato_idx ON offices (kato);
COMMENT ON TABLE offices IS 'The public office directory (R-20): Appendix 1 (oblast/district akim apparatuses, complaint addressees), Appendix 2 (PSCs), and the rural akimats from KATO that provide the service.';
COMMENT ON COLUMN offices.schedule IS 'Which office hours apply (R-10): akimat 09–18 with lunch; psc 09–20; psc_branch 09–19 with lunch.';

CREATE TABLE calendar_changes (
  id          bigserial PRIMARY KEY,
  change      jsonb NOT NULL,
  made_by     uuid REFERENCES users(id),
  made_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_changes IS 'Administrators'' additions to the shipped working calendar (data/calendar/kz.json): a year, a transfer, a Kurban Ait date. Replayed in order over the file through the domain functions that validate them.';
