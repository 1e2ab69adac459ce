/** the office directory parsed from the seed's Appendices 1 and 2 — what the CLI and the API use. */
export { type OfficeCorrection, parseCorrectionsFile } from './corrections';
export { SANE_EMAIL } from './email-repair';
export {
  type KkRu,
  OFFICE_KINDS,
  type OfficeKind,
  type OfficeRecord,
  PARSE_ISSUE_CODES,
  type ParseIssue,
  type ParseIssueCode,
  type SeedDirectory,
} from './office-record';
export { blockingIssues, formatParseIssue, parseSeedDirectory } from './parse-seed-directory';
export { RU_REGIONS, regionGenitive, ruGenitive, ruRegionName, ruUnitName } from './russian-names';
export { OFFICES_FILE_SOURCE, serializeOffices } from './serialize-offices';
