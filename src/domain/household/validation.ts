/**
 * What the book accepts (issue 4, R-5): every error is coded and carries the path of the field it is
 * about (`members[2].iin`, `yearlyRecords[0].livestock.cows`), so the UI shows it next to the field in
 * the user's language and the import maps it back to a line and column.
 */
import { parseIin } from '../iin/iin';
import { compareDates, type PlainDate } from '../shared/plain-date';
import type { DomainError } from '../shared/result';
import { isWithin } from '../territory/kato-code';
import {
  type Household,
  isMemberOn,
  LAND_PURPOSES,
  type LandPlot,
  type Machine,
  type Member,
  RELATIONS,
  type YearlyRecord,
} from './household';
import type { SpeciesCatalogue } from './species';

export interface FieldError extends DomainError {
  /** Dotted path into the `Household` value; `''` for the household as a whole. */
  readonly path: string;
}

/** Every code these functions return; the i18n catalogues and the HTTP error map cover exactly these. */
export const HOUSEHOLD_ERROR_CODES = [
  'HOUSEHOLD.BAD_BOOK_NUMBER',
  'HOUSEHOLD.BAD_ACCOUNT_NUMBER',
  'HOUSEHOLD.BAD_KATO',
  'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT',
  'HOUSEHOLD.MISSING_ADDRESS',
  'HOUSEHOLD.BAD_ADDRESS',
  'HOUSEHOLD.BAD_CLOSURE',
  'HOUSEHOLD.NO_MEMBERS',
  'HOUSEHOLD.NO_HEAD',
  'HOUSEHOLD.SEVERAL_HEADS',
  'HOUSEHOLD.DUPLICATE_MEMBER',
  'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS',
  'HOUSEHOLD.MISSING_NAME',
  'HOUSEHOLD.BAD_NAME',
  'HOUSEHOLD.MIXED_SCRIPT_NAME',
  'HOUSEHOLD.BAD_RELATION',
  'HOUSEHOLD.BAD_MEMBERSHIP_DATES',
  'HOUSEHOLD.FUTURE_DATE',
  'HOUSEHOLD.BAD_REFERENCE_YEAR',
  'HOUSEHOLD.DUPLICATE_YEAR',
  'HOUSEHOLD.BAD_LAND_PURPOSE',
  'HOUSEHOLD.BAD_AREA',
  'HOUSEHOLD.BAD_CADASTRAL_NUMBER',
  'HOUSEHOLD.UNKNOWN_SPECIES',
  'HOUSEHOLD.BAD_COUNT',
  'HOUSEHOLD.NEGATIVE_COUNT',
  'HOUSEHOLD.ABSURD_COUNT',
  'HOUSEHOLD.PART_EXCEEDS_TOTAL',
  'HOUSEHOLD.BAD_MACHINERY',
  'IIN.BAD_FORMAT',
  'IIN.BAD_CHECK_DIGIT',
  'IIN.BAD_DATE',
] as const;
export type HouseholdErrorCode = (typeof HOUSEHOLD_ERROR_CODES)[number];

/** Issue 4: a count above this many head (or colonies) is a typing error, not a personal farm. */
export const MAX_COUNT = 100_000;
/** Far above any personal farm's plot; catches square metres typed into the hectares column. */
export const MAX_AREA_HA = 10_000;
/** Household books restarted with independent Kazakhstan; earlier reference years are not kept. */
export const FIRST_REFERENCE_YEAR = 1991;

export interface ValidationContext {
  readonly species: SpeciesCatalogue;
  /** The civil date of the change (Asia/Almaty): no date may lie after it, members who left by it are former. */
  readonly today: PlainDate;
  /**
   * IINs that are current members of some other open household. A person belongs to one open household
   * at a time, otherwise two certificates could describe two different farms for one person.
   */
  readonly openIinsElsewhere?: { has(iin: string): boolean };
}

const fe = (code: HouseholdErrorCode, path: string, message: string, details?: Record<string, unknown>) =>
  (details === undefined ? { code, path, message } : { code, path, message, details }) as FieldError;

const KATO = /^\d{9}$/;
const BOOK_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-/.]{0,19}$/u;
const PERSON_NAME = /^\p{L}+(?:[ '’-]\p{L}+)*$/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const CADASTRAL = /^\d+(?:[-:]\d+){2,5}$/;

export function validateArea(areaHa: number, path: string): FieldError[] {
  const bad = (reason: string) => [
    fe('HOUSEHOLD.BAD_AREA', path, `area ${reason}`, { reason, value: areaHa }),
  ];
  if (typeof areaHa !== 'number' || !Number.isFinite(areaHa)) return bad('not-a-number');
  if (areaHa < 0) return bad('negative');
  if (areaHa === 0) return bad('zero');
  if (areaHa > MAX_AREA_HA) return bad('too-large');
  if (Math.abs(areaHa * 10_000 - Math.round(areaHa * 10_000)) > 1e-6) return bad('too-precise');
  return [];
}

export function validateCount(count: number, path: string): FieldError[] {
  if (typeof count !== 'number' || !Number.isInteger(count)) {
    return [fe('HOUSEHOLD.BAD_COUNT', path, 'a count is a whole number', { value: count })];
  }
  if (count < 0)
    return [fe('HOUSEHOLD.NEGATIVE_COUNT', path, 'a count cannot be negative', { value: count })];
  if (count > MAX_COUNT) {
    return [fe('HOUSEHOLD.ABSURD_COUNT', path, `more than ${MAX_COUNT}`, { value: count, max: MAX_COUNT })];
  }
  return [];
}

export function validateLivestock(
  livestock: Readonly<Record<string, number>>,
  species: SpeciesCatalogue,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [code, count] of Object.entries(livestock)) {
    const at = `${path}.${code}`;
    if (!species.byCode.has(code)) {
      errors.push(fe('HOUSEHOLD.UNKNOWN_SPECIES', at, 'not in the species list', { species: code }));
      continue;
    }
    errors.push(...validateCount(count, at));
  }
  // "Of which" lines: cows are counted inside cattle, chickens inside poultry.
  for (const [parent, children] of species.childrenOf) {
    const total = livestock[parent] ?? 0;
    const parts = children.reduce((sum, c) => sum + (livestock[c] ?? 0), 0);
    if (Number.isInteger(total) && Number.isInteger(parts) && parts > total) {
      const offender = children.findLast((c) => (livestock[c] ?? 0) > 0) ?? parent;
      errors.push(
        fe('HOUSEHOLD.PART_EXCEEDS_TOTAL', `${path}.${offender}`, `${children.join('+')} exceed ${parent}`, {
          parent,
          children,
          total,
          parts,
        }),
      );
    }
  }
  return errors;
}

export function validateLandPlot(plot: LandPlot, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!LAND_PURPOSES.includes(plot.purpose)) {
    errors.push(
      fe('HOUSEHOLD.BAD_LAND_PURPOSE', `${path}.purpose`, 'unknown land purpose', { value: plot.purpose }),
    );
  }
  errors.push(...validateArea(plot.areaHa, `${path}.areaHa`));
  if (plot.cadastralNumber !== undefined && !CADASTRAL.test(plot.cadastralNumber)) {
    errors.push(
      fe(
        'HOUSEHOLD.BAD_CADASTRAL_NUMBER',
        `${path}.cadastralNumber`,
        'expected digit groups such as 03-047-028-1153',
        {
          value: plot.cadastralNumber,
        },
      ),
    );
  }
  return errors;
}

function validateMachine(machine: Machine, path: string): FieldError[] {
  const description = machine.description?.trim() ?? '';
  if (description === '' || description.length > 200) {
    return [fe('HOUSEHOLD.BAD_MACHINERY', `${path}.description`, 'describe the machine in 1–200 characters')];
  }
  if (!Number.isInteger(machine.count) || machine.count < 1 || machine.count > 1000) {
    return [
      fe('HOUSEHOLD.BAD_MACHINERY', `${path}.count`, 'a machine count is 1–1000', { value: machine.count }),
    ];
  }
  return [];
}

export function validateYearlyRecord(
  record: YearlyRecord,
  ctx: ValidationContext,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const thisYear = Number(ctx.today.slice(0, 4));
  // A record "as of 1 January" of a year that has not begun cannot have been observed.
  if (
    !Number.isInteger(record.referenceYear) ||
    record.referenceYear < FIRST_REFERENCE_YEAR ||
    record.referenceYear > thisYear
  ) {
    errors.push(
      fe(
        'HOUSEHOLD.BAD_REFERENCE_YEAR',
        `${path}.referenceYear`,
        `a year from ${FIRST_REFERENCE_YEAR} to ${thisYear}`,
        {
          value: record.referenceYear,
        },
      ),
    );
  }
  record.landPlots.forEach((p, i) => {
    errors.push(...validateLandPlot(p, `${path}.landPlots[${i}]`));
  });
  errors.push(...validateLivestock(record.livestock, ctx.species, `${path}.livestock`));
  record.machinery.forEach((m, i) => {
    errors.push(...validateMachine(m, `${path}.machinery[${i}]`));
  });
  return errors;
}

function validateName(value: string | undefined, path: string, required: boolean): FieldError[] {
  const v = value?.trim() ?? '';
  if (v === '') return required ? [fe('HOUSEHOLD.MISSING_NAME', path, 'required')] : [];
  if (v.length > 60 || !PERSON_NAME.test(v))
    return [fe('HOUSEHOLD.BAD_NAME', path, 'letters, spaces, hyphens')];
  // A Latin look-alike among Cyrillic letters (Latin "e" in "Ахмeтова") reads right but is never found by a
  // search or matched to the person's IIN record: one word, one alphabet (issue 10: Unicode confusables).
  if (v.split(/[ '’-]/u).some((word) => LATIN.test(word) && CYRILLIC.test(word)))
    return [fe('HOUSEHOLD.MIXED_SCRIPT_NAME', path, 'a word mixes Latin and Cyrillic letters')];
  return [];
}

export function validateMember(member: Member, ctx: ValidationContext, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const iin = parseIin(member.iin);
  if (!iin.ok) errors.push({ ...iin.error, path: `${path}.iin` });
  errors.push(...validateName(member.surname, `${path}.surname`, true));
  errors.push(...validateName(member.name, `${path}.name`, true));
  errors.push(...validateName(member.patronymic, `${path}.patronymic`, false));
  if (!RELATIONS.includes(member.relation)) {
    errors.push(
      fe('HOUSEHOLD.BAD_RELATION', `${path}.relation`, 'unknown relation', { value: member.relation }),
    );
  }
  if (iin.ok && compareDates(member.joinedOn, iin.value.birthDate) < 0) {
    errors.push(
      fe('HOUSEHOLD.BAD_MEMBERSHIP_DATES', `${path}.joinedOn`, 'joined before being born', {
        reason: 'before-birth',
      }),
    );
  }
  if (compareDates(member.joinedOn, ctx.today) > 0) {
    errors.push(fe('HOUSEHOLD.FUTURE_DATE', `${path}.joinedOn`, 'after today', { value: member.joinedOn }));
  }
  if (member.leftOn !== undefined) {
    if (compareDates(member.leftOn, member.joinedOn) <= 0) {
      errors.push(
        fe('HOUSEHOLD.BAD_MEMBERSHIP_DATES', `${path}.leftOn`, 'left before joining', {
          reason: 'left-before-joined',
        }),
      );
    } else if (compareDates(member.leftOn, ctx.today) > 0) {
      errors.push(fe('HOUSEHOLD.FUTURE_DATE', `${path}.leftOn`, 'after today', { value: member.leftOn }));
    }
  }
  return errors;
}

export function validateHousehold(household: Household, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!BOOK_NUMBER.test(household.bookNumber ?? '')) {
    errors.push(fe('HOUSEHOLD.BAD_BOOK_NUMBER', 'bookNumber', '1–20 letters, digits, - / .'));
  }
  if (!BOOK_NUMBER.test(household.accountNumber ?? '')) {
    errors.push(fe('HOUSEHOLD.BAD_ACCOUNT_NUMBER', 'accountNumber', '1–20 letters, digits, - / .'));
  }
  const akimatOk = KATO.test(household.akimatKato ?? '');
  const settlementOk = KATO.test(household.settlementKato ?? '');
  if (!akimatOk) errors.push(fe('HOUSEHOLD.BAD_KATO', 'akimatKato', 'a KATO code is 9 digits'));
  if (!settlementOk) errors.push(fe('HOUSEHOLD.BAD_KATO', 'settlementKato', 'a KATO code is 9 digits'));
  // the household lives on its akimat's territory (KATO containment: the settlement's code starts
  // with the akimat's significant prefix; the akimat's own code counts, for a village that is its own akimat).
  if (akimatOk && settlementOk && !isWithin(household.settlementKato, household.akimatKato)) {
    errors.push(
      fe(
        'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT',
        'settlementKato',
        'the settlement is not on the akimat territory',
        {
          akimatKato: household.akimatKato,
        },
      ),
    );
  }
  const address = household.address?.trim() ?? '';
  if (address === '') errors.push(fe('HOUSEHOLD.MISSING_ADDRESS', 'address', 'required'));
  else if (address.length > 300)
    errors.push(fe('HOUSEHOLD.BAD_ADDRESS', 'address', 'at most 300 characters'));

  const open = household.status === 'open';
  if (household.status !== 'open' && household.status !== 'closed') {
    errors.push(fe('HOUSEHOLD.BAD_CLOSURE', 'status', 'open or closed'));
  } else if (!open && household.closedOn === undefined) {
    errors.push(fe('HOUSEHOLD.BAD_CLOSURE', 'closedOn', 'a closed household says since when'));
  } else if (!open && household.closedOn !== undefined && compareDates(household.closedOn, ctx.today) > 0) {
    errors.push(fe('HOUSEHOLD.FUTURE_DATE', 'closedOn', 'after today', { value: household.closedOn }));
  } else if (open && household.closedOn !== undefined) {
    errors.push(fe('HOUSEHOLD.BAD_CLOSURE', 'closedOn', 'an open household has no closing date'));
  }

  const seen = new Map<string, number>();
  household.members.forEach((m, i) => {
    const path = `members[${i}]`;
    errors.push(...validateMember(m, ctx, path));
    const first = seen.get(m.iin);
    if (first !== undefined) {
      errors.push(fe('HOUSEHOLD.DUPLICATE_MEMBER', `${path}.iin`, 'listed twice', { firstIndex: first }));
    } else {
      seen.set(m.iin, i);
    }
    if (open && isMemberOn(m, ctx.today) && ctx.openIinsElsewhere?.has(m.iin)) {
      errors.push(
        fe(
          'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS',
          `${path}.iin`,
          'already a member of another open household',
        ),
      );
    }
  });
  const current = household.members.filter((m) => isMemberOn(m, ctx.today));
  const heads = current.filter((m) => m.relation === 'head');
  if (open && current.length === 0) errors.push(fe('HOUSEHOLD.NO_MEMBERS', 'members', 'no current member'));
  else if (open && heads.length === 0) errors.push(fe('HOUSEHOLD.NO_HEAD', 'members', 'no current head'));
  if (heads.length > 1) {
    const second = household.members.indexOf(heads[1]!);
    errors.push(fe('HOUSEHOLD.SEVERAL_HEADS', `members[${second}].relation`, 'one head at a time'));
  }

  const years = new Set<number>();
  household.yearlyRecords.forEach((r, i) => {
    const path = `yearlyRecords[${i}]`;
    if (years.has(r.referenceYear)) {
      errors.push(
        fe('HOUSEHOLD.DUPLICATE_YEAR', `${path}.referenceYear`, 'one record a year', {
          value: r.referenceYear,
        }),
      );
    }
    years.add(r.referenceYear);
    errors.push(...validateYearlyRecord(r, ctx, path));
  });
  return errors;
}
