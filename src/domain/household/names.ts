/**
 * Kazakh and Russian personal names as the identity card writes them, for the synthetic book
 * (issue 4). The lists are data (`data/names/*.json`); the word-formation rules are here:
 * Kazakh patronymics are the father's name + ұлы (son) / қызы (daughter); Russian ones take
 * -ович/-овна after a consonant and -евич/-евна after й or ь, with irregular names (Павел → Павлович,
 * Лев → Львович) listed in the data.
 */
import type { Sex } from '../iin/iin';
import { err, ok, type Result } from '../shared/result';

export interface NameList {
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Masculine forms; the feminine form is derived by `feminineSurname`. */
  readonly surnames: readonly string[];
  /** Russian names whose patronymic breaks the rule: name → [masculine, feminine]. */
  readonly patronymicExceptions?: Readonly<Record<string, readonly [string, string]>>;
}

export interface StreetList {
  /** Street names written in Kazakh, rendered "<name> көшесі, <n>". */
  readonly kk: readonly string[];
  /** Street names written in Russian, rendered "ул. <name>, <n>". */
  readonly ru: readonly string[];
}

export interface NameData {
  readonly kk: NameList;
  readonly ru: NameList;
  readonly streets: StreetList;
}

const WORD = /^\p{L}+(?:[ '’-]\p{L}+)*$/u;

function stringList(value: unknown, field: string): Result<string[]> {
  if (!Array.isArray(value) || value.length === 0) return err('NAMES.BAD_LIST', `${field}: a non-empty list`);
  const bad = value.find((v) => typeof v !== 'string' || !WORD.test(v));
  if (bad !== undefined) return err('NAMES.BAD_LIST', `${field}: not a name`, { value: bad });
  return ok(value as string[]);
}

/** Checks one parsed `data/names/<lang>.json`; a broken list is a deployment error. */
export function parseNameList(json: unknown): Result<NameList> {
  if (typeof json !== 'object' || json === null) return err('NAMES.BAD_LIST', 'expected an object');
  const o = json as Record<string, unknown>;
  const male = stringList(o.male, 'male');
  if (!male.ok) return male;
  const female = stringList(o.female, 'female');
  if (!female.ok) return female;
  const surnames = stringList(o.surnames, 'surnames');
  if (!surnames.ok) return surnames;
  const ex = o.patronymicExceptions ?? {};
  if (typeof ex !== 'object' || ex === null) return err('NAMES.BAD_LIST', 'patronymicExceptions: an object');
  for (const [name, forms] of Object.entries(ex)) {
    if (
      !Array.isArray(forms) ||
      forms.length !== 2 ||
      !forms.every((f) => typeof f === 'string' && WORD.test(f))
    ) {
      return err('NAMES.BAD_LIST', 'patronymicExceptions: name → [masculine, feminine]', { name });
    }
  }
  return ok({
    male: male.value,
    female: female.value,
    surnames: surnames.value,
    patronymicExceptions: ex as Record<string, readonly [string, string]>,
  });
}

export function parseStreetList(json: unknown): Result<StreetList> {
  if (typeof json !== 'object' || json === null) return err('NAMES.BAD_LIST', 'expected an object');
  const o = json as Record<string, unknown>;
  const kk = stringList(o.kk, 'kk');
  if (!kk.ok) return kk;
  const ru = stringList(o.ru, 'ru');
  if (!ru.ok) return ru;
  return ok({ kk: kk.value, ru: ru.value });
}

/** Kazakh patronymic, written as one word: Серік → Серікұлы / Серікқызы. */
export function kazakhPatronymic(fatherName: string, sex: Sex): string {
  return fatherName + (sex === 'male' ? 'ұлы' : 'қызы');
}

const VOWELS = 'аеёиоуыэюя';

/** Russian patronymic by the regular rules, unless the name is a listed exception. */
export function russianPatronymic(
  fatherName: string,
  sex: Sex,
  exceptions: Readonly<Record<string, readonly [string, string]>> = {},
): string {
  const listed = exceptions[fatherName];
  if (listed) return sex === 'male' ? listed[0] : listed[1];
  const male = sex === 'male';
  const stem = fatherName.slice(0, -1);
  const last = fatherName.slice(-1);
  // Юрий → Юрьевич, Василий → Васильевич: -ий after a consonant becomes -ьев-.
  if (fatherName.endsWith('ий') && !VOWELS.includes(fatherName.slice(-3, -2))) {
    return `${fatherName.slice(0, -2)}ьев${male ? 'ич' : 'на'}`;
  }
  // Сергей → Сергеевич, Николай → Николаевич, Игорь → Игоревич; Али → Алиевич; after hushing consonants too.
  if (last === 'й' || last === 'ь') return `${stem}ев${male ? 'ич' : 'на'}`;
  if ('иеэжшчщц'.includes(last)) return `${fatherName}ев${male ? 'ич' : 'на'}`;
  // Никита → Никитич / Никитична.
  if (last === 'а') return `${stem}${male ? 'ич' : 'ична'}`;
  if (VOWELS.includes(last)) return `${fatherName}в${male ? 'ич' : 'на'}`;
  return `${fatherName}ов${male ? 'ич' : 'на'}`;
}

/** The feminine form of a masculine surname: Ахметов → Ахметова, Ковальский → Ковальская, Момышұлы → Момышқызы. */
export function feminineSurname(surname: string): string {
  if (surname.endsWith('ұлы')) return `${surname.slice(0, -3)}қызы`;
  if (surname.endsWith('улы')) return `${surname.slice(0, -3)}кызы`;
  if (/(?:ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/(?:ский|цкий)$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/(?:ой|ый)$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  // Шевченко, Черных, Ким, Миллер: the same for women.
  return surname;
}

export function surnameFor(masculine: string, sex: Sex): string {
  return sex === 'male' ? masculine : feminineSurname(masculine);
}
