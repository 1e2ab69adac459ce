/**
 * R-1 (issue 3): without ../shared the product starts with a small built-in territory,
 * `data/territory-builtin.json`. The adapter reads the file; this checks it with the same tree rules as
 * a classifier import, so the built-in and an imported snapshot can never disagree on levels or kinds.
 */
import { err, type Result } from '../shared/result';
import {
  buildKatoNodes,
  type KatoNode,
  type KatoProblem,
  type KatoRecord,
  type KatoWarning,
} from './kato-node';

/** Shape of `data/territory-builtin.json`: `{ "nodes": [{ "code", "parentCode", "names": { "kk", "ru" } }] }`. */
export interface BuiltinTerritoryFile {
  readonly nodes: readonly {
    readonly code: string;
    readonly parentCode: string | null;
    readonly names: { readonly kk: string | null; readonly ru: string };
  }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses the already-JSON-decoded file; "line" in problems is the 1-based position in `nodes`. */
export function parseBuiltinTerritory(json: unknown): Result<{ nodes: KatoNode[]; warnings: KatoWarning[] }> {
  if (!isRecord(json) || !Array.isArray(json.nodes)) {
    return err('KATO.BAD_BUILTIN', 'the built-in territory must be an object with a "nodes" array');
  }
  const problems: KatoProblem[] = [];
  const records: KatoRecord[] = [];
  json.nodes.forEach((item: unknown, index: number) => {
    const line = index + 1;
    const names = isRecord(item) ? item.names : undefined;
    if (
      !isRecord(item) ||
      typeof item.code !== 'string' ||
      !(item.parentCode === null || typeof item.parentCode === 'string') ||
      !isRecord(names) ||
      typeof names.ru !== 'string' ||
      !(names.kk === null || typeof names.kk === 'string')
    ) {
      problems.push({
        line,
        problem: 'BAD_RECORD',
        message:
          'expected { code: string, parentCode: string | null, names: { kk: string | null, ru: string } }',
      });
      return;
    }
    records.push({ line, code: item.code, parentCode: item.parentCode, kk: names.kk, ru: names.ru });
  });
  return buildKatoNodes(records, problems);
}
