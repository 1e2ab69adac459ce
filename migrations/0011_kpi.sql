-- Quality indicators of Appendix 3 (issue 8, R-15): the ministry's target values per indicator and year (§19).
-- The indicators themselves are computed from the service's tables (applications, issued_documents, …) by
-- src/domain/kpi; only the targets are entered by people.

CREATE TABLE kpi_targets (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL CHECK (code IN ('1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '4.4', '5.1')),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  value       numeric(5, 2) NOT NULL CHECK (value BETWEEN 0 AND 100),
  set_by      uuid REFERENCES users(id),
  set_at      timestamptz NOT NULL
);
CREATE INDEX kpi_targets_code_year_idx ON kpi_targets (year, code, id DESC);
COMMENT ON TABLE kpi_targets IS 'Target values of the Appendix 3 indicators set by the ministry (R-15, §19), one row per entry: entering a target again adds a row, so the history is kept; the one in force for (code, year) is the latest row (highest id).';
COMMENT ON COLUMN kpi_targets.value IS 'A percentage 0..100; for 4.1 (a ceiling) the most justified complaints allowed, for the others the least share required.';
