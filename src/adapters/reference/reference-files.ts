/**
 * Reads the reference files: the KATO snapshot from ../shared (never copied into the repository) or the
 * built-in territory, and the office directory parsed from the standard (data/offices.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReferenceSources } from '../../app/reference/ensure-reference-data';
import type { OfficeRecord } from '../../domain/directory/office-record';
import type { PlainDate } from '../../domain/shared/plain-date';
import { unwrap } from '../../domain/shared/result';
import { parseBuiltinTerritory } from '../../domain/territory/builtin-territory';
import { parseKatoCsv } from '../../domain/territory/kato-csv';
import { ROOT_DIR } from '../system/paths';

export const OFFICES_FILE = path.join(ROOT_DIR, 'data/offices.json');
export const BUILTIN_TERRITORY_FILE = path.join(ROOT_DIR, 'data/territory-builtin.json');

/** The newest `KATO_YYYY-MM-DD_*.csv` in <shared>/kato, with the date in its name. */
export function findSharedKato(sharedDir: string): { file: string; asOf: PlainDate } | undefined {
  const dir = path.join(sharedDir, 'kato');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .map((f) => ({ f, m: /^KATO_(\d{4}-\d{2}-\d{2})_.*\.csv$/.exec(f) }))
    .filter((x) => x.m)
    .sort((a, b) => (a.m![1]! < b.m![1]! ? 1 : -1));
  const newest = files[0];
  return newest ? { file: path.join(dir, newest.f), asOf: newest.m![1] as PlainDate } : undefined;
}

export function readOfficeRecords(file = OFFICES_FILE): OfficeRecord[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { offices: OfficeRecord[] }).offices;
}

export function referenceSources(sharedDir: string): ReferenceSources {
  return {
    territory() {
      const builtin = unwrap(parseBuiltinTerritory(JSON.parse(readFileSync(BUILTIN_TERRITORY_FILE, 'utf8'))));
      const snapshots = [
        { nodes: builtin.nodes, asOf: '2022-10-17' as PlainDate, source: 'the built-in territory' },
      ];
      const shared = findSharedKato(sharedDir);
      if (shared) {
        const parsed = unwrap(parseKatoCsv(new Uint8Array(readFileSync(shared.file))));
        snapshots.push({
          nodes: parsed.nodes,
          asOf: shared.asOf,
          source: path.relative(process.cwd(), shared.file),
        });
      }
      return snapshots;
    },
    offices: () => readOfficeRecords(),
  };
}
