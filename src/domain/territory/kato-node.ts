/**
 * the territory tree from KATO — oblast → district → rural akimat → settlement — and which of its
 * nodes provide the service. Everything here is derived from (code, parent, names); nothing is stored
 * that could disagree with the classifier.
 */
import type { PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import { isKatoCode, isWithin, type KatoCode, significantPrefix } from './kato-code';
import { SUBSTITUTE_LETTERS, tidyName } from './kato-names';

/** Depth in the tree: 1 oblast / republican city … 5 sub-settlement. */
export type KatoLevel = 1 | 2 | 3 | 4 | 5;

export const KATO_KINDS = [
  'oblast', // область / облысы
  'republican_city', // Astana, Almaty, Shymkent
  'district', // район / ауданы
  'city_administration', // Г.А. (city of oblast significance, level 2) or г.а. (of district significance, level 3)
  'city_district', // a district of a city (район Алматы of Astana) or its administration (р.а.)
  'rural_district', // с.о. — сельский округ / ауылдық округ
  'village_akimat', // с.а. — сельский акимат of a single village
  'settlement_akimat', // п.а. — поселковый акимат / кент әкімдігі
  'city', // г. — a city as a place (the seat of a Г.А. or г.а., or a city of district significance)
  'settlement', // с., п., ст., рзд., уч., a forestry, a farm: a populated place
  'sub_settlement', // a place inside a settlement (wintering site, farmstead, railway siding)
] as const;
export type KatoKind = (typeof KATO_KINDS)[number];

/**
 * "akimats of settlements, villages and rural districts" provide the service. On the 2022 snapshot
 * these kinds are exactly the 2,297 nodes whose Russian name carries с.о., с.а. or п.а. (issue 3).
 */
export const PROVIDER_KINDS: ReadonlySet<KatoKind> = new Set<KatoKind>([
  'rural_district',
  'village_akimat',
  'settlement_akimat',
]);

export interface KatoNames {
  /** Kazakh name; null when the source file had Russian names only. */
  readonly kk: string | null;
  readonly ru: string;
}

/** One earlier state of a node that kept its code (a rename, or a change between provider kinds). */
export interface KatoFormer {
  readonly names: KatoNames;
  readonly kind: KatoKind;
  /** The date of the snapshot that first showed the new state (exclusive end of this one). */
  readonly until: PlainDate;
}

export interface KatoNode {
  readonly code: KatoCode;
  readonly parentCode: KatoCode | null;
  readonly level: KatoLevel;
  readonly kind: KatoKind;
  readonly names: KatoNames;
  readonly isServiceProvider: boolean;
  /**
   * Date of the first snapshot that contained the node; null when it came with the first data ever loaded
   * (it existed before, since an unknown date).
   */
  readonly validFrom: PlainDate | null;
  /** Date of the first snapshot that no longer contained it (exclusive); null while it exists. */
  readonly validTo: PlainDate | null;
  /** Earlier names/kinds under the same code, oldest first. */
  readonly history: readonly KatoFormer[];
}

/** One row of an import problem report: every broken row is listed, the import changes nothing. */
export interface KatoProblem {
  /** Line in the file (1 = header) or record number in a JSON list. */
  readonly line: number;
  /** Stable, translatable: COLUMN_COUNT, BAD_ID, DUPLICATE_ID, BAD_PARENT_ID, UNKNOWN_PARENT, BAD_CODE,
   * DUPLICATE_CODE, EMPTY_NAME, ROOT_NOT_OBLAST, NOT_UNDER_PARENT, CYCLE, UNCLOSED_QUOTE. */
  readonly problem: string;
  readonly message: string;
}

export interface KatoWarning {
  readonly line: number | null;
  /** DECODED_AS_CP1251, DECODED_AS_UTF16, SUBSTITUTE_LETTERS, KIND_MARKERS_DISAGREE, IGNORED_COLUMN. */
  readonly warning: string;
  readonly message: string;
}

/** A row as read from a source, before the tree is checked. */
export interface KatoRecord {
  readonly line: number;
  readonly code: string;
  /**
   * null for a root; undefined when the source named a parent that is itself broken (its problem is
   * already reported, so the row's parent checks are skipped rather than reported twice).
   */
  readonly parentCode: string | null | undefined;
  readonly kk: string | null;
  readonly ru: string;
}

type Marker =
  | 'oblast'
  | 'district'
  | 'city_administration'
  | 'city_district'
  | 'rural_district'
  | 'village_akimat'
  | 'settlement_akimat'
  | 'city';

// Order matters: the akimat abbreviations are tested before the bare "г."/"с." prefixes they start with.
// Abbreviations are case-sensitive on purpose: "с.О.Жандосова" would be a village named after a person.
const RU_MARKERS: readonly (readonly [RegExp, Marker])[] = [
  [/(?:^|\s)с\.\s?о(?:\.|$)|[Сс]ельск\S* округ/u, 'rural_district'],
  [/(?:^|\s)с\.\s?а\.|[Сс]ельск\S* (?:акимат|администрац)/u, 'village_akimat'],
  [/(?:^|\s)п\.\s?а\.|[Пп]оселков\S* (?:акимат|администрац)/u, 'settlement_akimat'],
  [/(?:^|\s)(?:г\.\s?а\.|Г\.\s?А\.)|[Гг]ородск\S* (?:акимат|администрац)/u, 'city_administration'],
  [/(?:^|\s)р\.\s?а\.|[Рр]айонн\S* (?:акимат|администрац)/u, 'city_district'],
  [/(?:^|\s)[Оо]бласт[ьи](?:\s|$)/u, 'oblast'],
  [/(?:^|\s)(?:[Рр]айон|р-н)(?:\s|$)/u, 'district'],
  [/^(?:г\.|[Гг]ород\s)/u, 'city'],
];

const KK_MARKERS: readonly (readonly [RegExp, Marker])[] = [
  [/(?:ауылдық|селолық) округ|(?:^|\s)а\.\s?о\.?$/u, 'rural_district'],
  [/ауыл(?:ы|ының) әкімдігі/u, 'village_akimat'],
  [/кент(?:і|інің) әкімдігі/u, 'settlement_akimat'],
  [/қала(?:сы|сының|лық) әкімд|(?:^|\s)(?:Қ\.\s?Ә\.|Г\.\s?Ә\.)/u, 'city_administration'],
  [/аудан(?:ы|ының) әкімд/u, 'city_district'],
  [/(?:^|\s)облысы(?:\s|$)/u, 'oblast'],
  [/(?:^|\s)ауданы(?:\s|$)/u, 'district'],
  [/(?:^|\s)қаласы$|\sқ\.$|^қ\.\s?\S/u, 'city'],
];

function marker(name: string | null, table: readonly (readonly [RegExp, Marker])[]): Marker | null {
  if (name === null) return null;
  for (const [pattern, found] of table) if (pattern.test(name)) return found;
  return null;
}

const URBAN: ReadonlySet<KatoKind> = new Set<KatoKind>([
  'republican_city',
  'city_administration',
  'city_district',
  'city',
]);
const PLACES: ReadonlySet<KatoKind> = new Set<KatoKind>(['settlement', 'sub_settlement', 'city']);

/**
 * The kind of a node from its depth, its parent's kind and the markers in its names (the Russian name
 * decides; the Kazakh one is consulted when the Russian has no marker, e.g. "Лениногорский лесхоз").
 */
export function deriveKind(input: {
  readonly level: KatoLevel;
  readonly parentKind: KatoKind | null;
  readonly names: KatoNames;
}): KatoKind {
  const { level, parentKind, names } = input;
  const found = marker(names.ru, RU_MARKERS) ?? marker(names.kk, KK_MARKERS);
  if (level === 1) return found === 'city' ? 'republican_city' : 'oblast';
  switch (found) {
    case 'rural_district':
    case 'village_akimat':
    case 'settlement_akimat':
    case 'city_administration':
    case 'city_district':
    case 'city':
      return found;
    case 'district':
      return parentKind !== null && URBAN.has(parentKind) ? 'city_district' : 'district';
    default:
      break;
  }
  if (level === 2) return parentKind === 'republican_city' ? 'city_district' : 'district';
  return parentKind !== null && PLACES.has(parentKind) ? 'sub_settlement' : 'settlement';
}

/** True when both names carry a kind marker and the markers disagree — a sign of a mistranslated name. */
export function kindMarkersDisagree(names: KatoNames): boolean {
  const ru = marker(names.ru, RU_MARKERS);
  const kk = marker(names.kk, KK_MARKERS);
  return ru !== null && kk !== null && ru !== kk;
}

function problem(line: number, code: string, message: string): KatoProblem {
  return { line, problem: code, message };
}

/**
 * Checks a set of records as one classifier tree and derives level, kind and provider flag.
 * Problems (every one, with its line) are returned instead of nodes; `extraProblems` from an earlier
 * stage (e.g. CSV columns) are merged in so that the caller reports everything at once.
 */
export function buildKatoNodes(
  records: readonly KatoRecord[],
  extraProblems: readonly KatoProblem[] = [],
): Result<{ nodes: KatoNode[]; warnings: KatoWarning[] }> {
  const problems: KatoProblem[] = [...extraProblems];
  const warnings: KatoWarning[] = [];
  const byCode = new Map<string, KatoRecord>();
  const anyCode = new Set(records.map((r) => r.code));

  for (const record of records) {
    if (!isKatoCode(record.code)) {
      problems.push(problem(record.line, 'BAD_CODE', `code "${record.code}" is not nine digits`));
      continue;
    }
    const first = byCode.get(record.code);
    if (first) {
      problems.push(
        problem(record.line, 'DUPLICATE_CODE', `code ${record.code} already on line ${first.line}`),
      );
      continue;
    }
    byCode.set(record.code, record);
    if (tidyName(record.ru) === '')
      problems.push(problem(record.line, 'EMPTY_NAME', 'the Russian name is empty'));
  }

  for (const record of byCode.values()) {
    const { parentCode, code, line } = record;
    if (parentCode === undefined) continue;
    if (parentCode === null) {
      if (significantPrefix(code).length !== 2) {
        problems.push(
          problem(
            line,
            'ROOT_NOT_OBLAST',
            `${code} has no parent but is not an oblast-level code (AB0000000)`,
          ),
        );
      }
      continue;
    }
    if (!byCode.has(parentCode)) {
      // A parent with a broken code was reported on its own line; only a truly absent one is news.
      if (isKatoCode(parentCode) && !anyCode.has(parentCode)) {
        problems.push(problem(line, 'UNKNOWN_PARENT', `parent ${parentCode} is not in the file`));
      }
      continue;
    }
    // The code of a node extends its parent's significant prefix (tested on the whole 2022 snapshot).
    if (code === parentCode || !isWithin(code, parentCode)) {
      problems.push(
        problem(
          line,
          'NOT_UNDER_PARENT',
          `${code} does not start with its parent's prefix ${significantPrefix(parentCode)} (parent ${parentCode})`,
        ),
      );
    }
  }

  if (problems.length > 0) return badRows(problems);

  // With every code strictly inside its parent's prefix, parents sort before children and depth ≤ 5.
  const sorted = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const built = new Map<string, KatoNode>();
  const nodes: KatoNode[] = [];
  for (const record of sorted) {
    const parent = record.parentCode ? built.get(record.parentCode) : undefined;
    if (record.parentCode === undefined || (record.parentCode !== null && !parent)) {
      problems.push(problem(record.line, 'CYCLE', `${record.code} does not lead up to an oblast`));
      continue;
    }
    const level = (parent ? parent.level + 1 : 1) as KatoLevel;
    const names: KatoNames = {
      kk: record.kk === null || tidyName(record.kk) === '' ? null : tidyName(record.kk),
      ru: tidyName(record.ru),
    };
    const kind = deriveKind({ level, parentKind: parent?.kind ?? null, names });
    if (SUBSTITUTE_LETTERS.test(`${names.ru} ${names.kk ?? ''}`)) {
      warnings.push({
        line: record.line,
        warning: 'SUBSTITUTE_LETTERS',
        message: `${record.code}: the name uses cp1251 substitutes for Kazakh letters (Ќ, Ў, Ѓ, Њ, Ћ)`,
      });
    }
    if (kindMarkersDisagree(names)) {
      warnings.push({
        line: record.line,
        warning: 'KIND_MARKERS_DISAGREE',
        message: `${record.code}: the Kazakh and Russian names mark different kinds; the Russian one is used`,
      });
    }
    const node: KatoNode = {
      code: record.code,
      parentCode: record.parentCode ?? null,
      level,
      kind,
      names,
      isServiceProvider: PROVIDER_KINDS.has(kind),
      validFrom: null,
      validTo: null,
      history: [],
    };
    built.set(node.code, node);
    nodes.push(node);
  }
  if (problems.length > 0) return badRows(problems);
  return ok({ nodes, warnings });
}

function badRows(problems: KatoProblem[]) {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return err('KATO.BAD_ROWS', `the classifier has ${sorted.length} broken row(s); nothing was imported`, {
    problems: sorted,
  });
}
