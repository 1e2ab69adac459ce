/**
 * Synthetic household book (issue 4, item 5): realistic enough for the demo, the search and the
 * national-scale benchmarks (1.6 million households, about 6 million members), and deterministic: the
 * same options give the same households in the same order.
 *
 * IINs are unique by construction, without remembering any: each (birth date, sex) pair has its own
 * counter of serials (at most 10,000 apart from never-issued ones), started at an offset derived from
 * the seed so that IINs look varied. Memory is one small counter per birth day, not one entry per person.
 * Uniqueness holds within one run; two runs with different seeds may collide, so one book is one run.
 */
import { makeIin, type Sex } from '../iin/iin';
import { fromDayNumber, isLeapYear, plainDate, toDayNumber, ymd } from '../shared/plain-date';
import type { Household, LandPlot, LandPurpose, Machine, Member, Relation } from './household';
import { feminineSurname, kazakhPatronymic, type NameData, type NameList, russianPatronymic } from './names';
import { createRng, hashText, mix32, type Rng } from './prng';

export interface GeneratorAkimat {
  /** KATO of the rural akimat. */
  readonly kato: string;
  /** KATO of its settlements; empty means the akimat's own code is the settlement (a town or a village). */
  readonly settlements: readonly string[];
}

export interface GeneratorOptions {
  readonly count: number;
  readonly seed: number | string;
  readonly akimats: readonly GeneratorAkimat[];
  /** Households are described as of 1 January of this year. */
  readonly referenceYear: number;
  /** The parsed `data/names/kk.json`, `ru.json` and `streets.json` (see `parseNameList`). */
  readonly names: NameData;
  /** Share of households with Kazakh names; the rest have Russian names. Default 0.75. */
  readonly kazakhShare?: number;
}

type Lang = 'kk' | 'ru';

interface Person {
  readonly sex: Sex;
  readonly birthDay: number;
  readonly name: string;
  readonly surname: string;
  readonly patronymic: string;
  readonly relation: Relation;
  readonly joinedDay: number;
  readonly leftDay?: number;
}

/** Share of households by number of current members (1–9); the mean is about 3.8, as 6 M / 1.6 M. */
const SIZES: readonly (readonly [number, number])[] = [
  [1, 12],
  [2, 18],
  [3, 18],
  [4, 18],
  [5, 14],
  [6, 9],
  [7, 6],
  [8, 3],
  [9, 2],
];

const MACHINES = [
  'трактор МТЗ-82',
  'трактор Т-40',
  'жүк көлігі ГАЗ-53',
  'тіркеме 2ПТС-4',
  'мотоблок',
  'шөп шапқыш',
];

/** Exponential-ish count with the given mean, for herd sizes: many small, a few large. */
function herd(rng: Rng, min: number, mean: number, cap: number): number {
  return Math.min(cap, min + Math.floor(-Math.log(1 - rng.next()) * mean));
}

/** Whole square metres, so every area has at most four decimals in hectares. */
const squareMetres = (rng: Rng, min: number, max: number) => rng.int(min, max) / 10_000;

export function* generateHouseholds(options: GeneratorOptions): Generator<Household, void, undefined> {
  const { count, akimats, referenceYear, names } = options;
  if (akimats.length === 0) throw new RangeError('generateHouseholds needs at least one akimat');
  const kazakhShare = options.kazakhShare ?? 0.75;
  const seedHash =
    typeof options.seed === 'string' ? hashText(options.seed) : mix32(Math.trunc(options.seed) | 0);
  const rng = createRng(seedHash);
  const referenceDay = toDayNumber(plainDate(referenceYear, 1, 1));
  const earliestFormed = toDayNumber(plainDate(1992, 1, 1));

  // Akimats are chosen in proportion to their settlements: bigger rural districts keep bigger books.
  const cumulative: number[] = [];
  let total = 0;
  for (const a of akimats) {
    total += Math.max(1, a.settlements.length);
    cumulative.push(total);
  }
  const accountsByAkimat = new Int32Array(akimats.length);
  const serialCounters = new Map<number, number>();

  const iinFor = (sex: Sex, birthDay: number): { iin: string; birthDay: number } => {
    for (let day = birthDay; ; day--) {
      const key = day * 2 + (sex === 'female' ? 1 : 0);
      const offset = mix32(seedHash ^ key) % 10_000;
      let used = serialCounters.get(key) ?? 0;
      const birth = ymd(fromDayNumber(day));
      while (used < 10_000) {
        const iin = makeIin(birth, sex, (offset + used) % 10_000);
        used++;
        if (iin !== undefined) {
          serialCounters.set(key, used);
          return { iin, birthDay: day };
        }
      }
      serialCounters.set(key, used);
      // All serials of that day are taken (never at realistic scale): the person is born a day earlier.
    }
  };

  /** A birth day for someone aged `age` full years on the reference date. */
  const birthDayFor = (age: number): number => {
    const year = referenceYear - 1 - age;
    const days = isLeapYear(year) ? 366 : 365;
    return toDayNumber(plainDate(year, 1, 1)) + rng.int(0, days - 1);
  };

  for (let index = 0; index < count; index++) {
    const lang: Lang = rng.chance(kazakhShare) ? 'kk' : 'ru';
    const list: NameList = names[lang];
    const patronymic = (father: string, sex: Sex) =>
      lang === 'kk'
        ? kazakhPatronymic(father, sex)
        : russianPatronymic(father, sex, list.patronymicExceptions);
    const given = (sex: Sex) => rng.pick(sex === 'male' ? list.male : list.female);
    const familySurname = rng.pick(list.surnames);
    const surnameOf = (sex: Sex, masculine = familySurname) =>
      sex === 'male' ? masculine : feminineSurname(masculine);
    const maiden = () => feminineSurname(rng.pick(list.surnames));

    const size = rng.weighted(SIZES);
    const people: Person[] = [];
    const single = size === 1;
    const headSex: Sex = rng.chance(single ? 0.45 : 0.8) ? 'male' : 'female';
    const headAge = single ? rng.int(22, 90) : rng.int(24, 46) + rng.int(0, 30);
    const headBirth = birthDayFor(headAge);
    const formedDay = Math.min(
      referenceDay - 1,
      Math.max(earliestFormed, headBirth + 18 * 365) + rng.int(0, 3650),
    );
    const joined = (birthDay: number) => Math.min(referenceDay - 1, Math.max(formedDay, birthDay));
    const headFather = given('male');
    const headName = given(headSex);
    let remaining = size - 1;

    // The head: a married man, or a woman heading the household (often a widow).
    const hasHusband = headSex === 'female' && remaining > 0 && rng.chance(0.3);
    const head: Person = {
      sex: headSex,
      birthDay: headBirth,
      name: headName,
      surname:
        headSex === 'male' || hasHusband
          ? surnameOf(headSex)
          : rng.chance(0.8)
            ? surnameOf('female')
            : maiden(),
      patronymic: patronymic(headFather, headSex),
      relation: 'head',
      joinedDay: joined(headBirth),
    };
    people.push(head);

    let spouse: Person | undefined;
    if (remaining > 0 && (hasHusband || (headSex === 'male' && rng.chance(0.88)))) {
      const sex: Sex = headSex === 'male' ? 'female' : 'male';
      const age = Math.max(18, headAge + (sex === 'female' ? -rng.int(0, 6) : rng.int(0, 6)));
      const birthDay = birthDayFor(age);
      spouse = {
        sex,
        birthDay,
        name: given(sex),
        surname: sex === 'male' ? familySurname : rng.chance(0.75) ? surnameOf('female') : maiden(),
        patronymic: patronymic(given('male'), sex),
        relation: 'spouse',
        joinedDay: joined(birthDay),
      };
      people.push(spouse);
      remaining--;
    }
    const childrensFather =
      headSex === 'male' ? head.name : spouse?.sex === 'male' ? spouse.name : given('male');

    // An elderly parent living with a younger head; the head's father's name is the head's patronymic.
    if (remaining > 0 && headAge < 55 && rng.chance(0.18)) {
      const sex: Sex = rng.chance(0.7) ? 'female' : 'male';
      const age = Math.min(98, headAge + rng.int(20, 35));
      const birthDay = birthDayFor(age);
      people.push({
        sex,
        birthDay,
        name: sex === 'male' ? headFather : given('female'),
        // A woman heading the household usually bears her husband's name, not her parents'.
        surname: headSex === 'male' ? surnameOf(sex) : surnameOf(sex, rng.pick(list.surnames)),
        patronymic: patronymic(given('male'), sex),
        relation: 'parent',
        joinedDay: joined(birthDay),
      });
      remaining--;
    }

    const youngestParentAge = Math.min(
      headAge,
      spouse ? Math.round((referenceDay - spouse.birthDay) / 365.25) : 200,
    );
    const maxChildAge = youngestParentAge - 18;

    // The son who stays with his parents, with his wife and children (three generations under one roof).
    if (remaining >= 3 && headAge >= 50 && maxChildAge >= 22 && rng.chance(0.6)) {
      const sonAge = rng.int(22, Math.min(maxChildAge, 38));
      const sonBirth = birthDayFor(sonAge);
      const son: Person = {
        sex: 'male',
        birthDay: sonBirth,
        name: given('male'),
        surname: surnameOf('male'),
        patronymic: patronymic(childrensFather, 'male'),
        relation: 'child',
        joinedDay: joined(sonBirth),
      };
      const wifeAge = Math.max(18, sonAge - rng.int(0, 5));
      const wifeBirth = birthDayFor(wifeAge);
      people.push(son, {
        sex: 'female',
        birthDay: wifeBirth,
        name: given('female'),
        surname: rng.chance(0.8) ? surnameOf('female') : maiden(),
        patronymic: patronymic(given('male'), 'female'),
        relation: 'child_in_law',
        joinedDay: Math.min(referenceDay - 1, Math.max(formedDay, wifeBirth + 18 * 365 + rng.int(0, 1500))),
      });
      remaining -= 2;
      const grandchildren = Math.min(remaining, rng.int(1, 4));
      const maxGrandAge = Math.min(sonAge, wifeAge) - 19;
      for (let g = 0; g < grandchildren && maxGrandAge >= 0; g++) {
        const sex: Sex = rng.chance(0.51) ? 'male' : 'female';
        const birthDay = birthDayFor(rng.int(0, Math.min(maxGrandAge, 14)));
        people.push({
          sex,
          birthDay,
          name: given(sex),
          surname: surnameOf(sex),
          patronymic: patronymic(son.name, sex),
          relation: 'grandchild',
          joinedDay: joined(birthDay),
        });
        remaining--;
      }
    }

    // The head's own children fill the rest; a head too young for them shares with siblings.
    while (remaining > 0) {
      const sex: Sex = rng.chance(0.51) ? 'male' : 'female';
      if (maxChildAge >= 0) {
        const birthDay = birthDayFor(rng.int(0, Math.min(maxChildAge, 30)));
        people.push({
          sex,
          birthDay,
          name: given(sex),
          surname: surnameOf(sex),
          patronymic: patronymic(childrensFather, sex),
          relation: 'child',
          joinedDay: joined(birthDay),
        });
      } else {
        const birthDay = birthDayFor(Math.max(0, headAge + rng.int(-8, 8)));
        people.push({
          sex,
          birthDay,
          name: given(sex),
          surname: surnameOf(sex),
          patronymic: patronymic(headFather, sex),
          relation: 'sibling',
          joinedDay: joined(birthDay),
        });
      }
      remaining--;
    }

    // A grown child who has moved out: a former member, kept in the book with the day they left.
    if (people.length < 9 && maxChildAge >= 20 && rng.chance(0.04)) {
      const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
      const birthDay = birthDayFor(rng.int(18, Math.min(maxChildAge, 35)));
      const joinedDay = joined(birthDay);
      if (joinedDay < referenceDay - 2) {
        people.push({
          sex,
          birthDay,
          name: given(sex),
          surname: surnameOf(sex),
          patronymic: patronymic(childrensFather, sex),
          relation: 'child',
          joinedDay,
          leftDay: rng.int(joinedDay + 1, referenceDay - 1),
        });
      }
    }

    const members: Member[] = people.map((p) => {
      const { iin, birthDay } = iinFor(p.sex, p.birthDay);
      const joinedOn = fromDayNumber(Math.max(p.joinedDay, birthDay));
      const base = {
        iin,
        surname: p.surname,
        name: p.name,
        patronymic: p.patronymic,
        relation: p.relation,
        joinedOn,
      };
      return p.leftDay === undefined ? base : { ...base, leftOn: fromDayNumber(p.leftDay) };
    });

    // Place: an akimat weighted by its settlements, then one of its settlements.
    const r = rng.int(0, total - 1);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const akimat = akimats[lo]!;
    const settlementKato = akimat.settlements.length > 0 ? rng.pick(akimat.settlements) : akimat.kato;
    const account = accountsByAkimat[lo]!;
    accountsByAkimat[lo] = account + 1;

    const house = rng.int(1, 150);
    const address = rng.chance(0.5)
      ? `${rng.pick(names.streets.kk)} көшесі, ${house}`
      : `ул. ${rng.pick(names.streets.ru)}, ${house}`;

    yield {
      // Paper books hold about a hundred accounts each; account numbers run on across books.
      bookNumber: String(Math.floor(account / 100) + 1),
      accountNumber: String(account + 1),
      akimatKato: akimat.kato,
      settlementKato,
      address,
      status: 'open',
      members,
      yearlyRecords: [
        {
          referenceYear,
          landPlots: landFor(rng, settlementKato, index),
          livestock: livestockFor(rng, lang),
          machinery: machineryFor(rng),
        },
      ],
    };
  }
}

function landFor(rng: Rng, settlementKato: string, index: number): LandPlot[] {
  const plots: LandPlot[] = [];
  const add = (purpose: LandPurpose, areaHa: number, cadastralShare: number) => {
    // Unique within a run: the quarter from the settlement, the plot from the household's index.
    const plot = index * 5 + plots.length + 1;
    const cadastral = `${settlementKato.slice(0, 2)}-${settlementKato.slice(2, 5)}-${settlementKato.slice(5, 8)}-${plot}`;
    plots.push(
      rng.chance(cadastralShare) ? { purpose, areaHa, cadastralNumber: cadastral } : { purpose, areaHa },
    );
  };
  if (rng.chance(0.93)) add('homestead', squareMetres(rng, 400, 2500), 0.65);
  if (rng.chance(0.35)) add('garden', squareMetres(rng, 200, 5000), 0.3);
  if (rng.chance(0.1)) add('hayfield', squareMetres(rng, 5000, 150_000), 0.5);
  if (rng.chance(0.06)) add('pasture', squareMetres(rng, 20_000, 500_000), 0.5);
  if (rng.chance(0.02)) add('other', squareMetres(rng, 100, 3000), 0.2);
  return plots;
}

function livestockFor(rng: Rng, lang: Lang): Record<string, number> {
  const counts: Record<string, number> = {};
  if (rng.chance(0.18)) return counts;
  const kk = lang === 'kk';
  if (rng.chance(0.58)) {
    const cattle = herd(rng, 1, 3, 60);
    counts.cattle = cattle;
    const cows = Math.min(cattle, Math.max(1, Math.round(cattle * (0.4 + rng.next() * 0.4))));
    counts.cows = cows;
  }
  if (rng.chance(kk ? 0.45 : 0.15)) counts.sheep = herd(rng, 2, 14, 400);
  if (rng.chance(kk ? 0.3 : 0.2)) counts.goats = herd(rng, 1, 5, 100);
  if (rng.chance(kk ? 0.22 : 0.05)) counts.horses = herd(rng, 1, 3, 60);
  if (rng.chance(0.02)) counts.camels = herd(rng, 1, 2, 30);
  if (rng.chance(kk ? 0.005 : 0.2)) counts.pigs = herd(rng, 1, 3, 40);
  if (rng.chance(0.001)) counts.deer = herd(rng, 3, 10, 200);
  if (rng.chance(0.01)) counts.donkeys = rng.int(1, 3);
  if (rng.chance(0.03)) counts.rabbits = herd(rng, 2, 8, 100);
  let poultry = 0;
  const bird = (code: string, share: number, min: number, mean: number) => {
    if (!rng.chance(share)) return;
    const n = herd(rng, min, mean, 500);
    counts[code] = n;
    poultry += n;
  };
  bird('chickens', 0.55, 5, 15);
  bird('ducks', 0.08, 2, 6);
  bird('geese', 0.1, 2, 6);
  bird('turkeys', 0.03, 1, 4);
  if (poultry > 0) counts.poultry = poultry;
  if (rng.chance(0.01)) counts.bees = herd(rng, 1, 8, 150);
  return counts;
}

function machineryFor(rng: Rng): Machine[] {
  if (!rng.chance(0.08)) return [];
  const first = rng.pick(MACHINES);
  const machines: Machine[] = [{ description: first, count: rng.chance(0.9) ? 1 : 2 }];
  const second = rng.pick(MACHINES);
  if (second !== first && rng.chance(0.3)) machines.push({ description: second, count: 1 });
  return machines;
}
