import { beforeAll, describe, expect, it } from 'vitest';
import kkNames from '../../../data/names/kk.json';
import ruNames from '../../../data/names/ru.json';
import streetNames from '../../../data/names/streets.json';
import speciesJson from '../../../data/species.json';
import { parseIin } from '../iin/iin';
import { type PlainDate, toDayNumber } from '../shared/plain-date';
import { type GeneratorOptions, generateHouseholds } from './generator';
import { householdBookHeader, householdBookRows, parseHouseholdBookRows } from './import-rows';
import type { Household } from './household';
import { parseNameList, parseStreetList } from './names';
import { makeSpeciesCatalogue } from './species';
import { validateHousehold } from './validation';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const species = must(makeSpeciesCatalogue(speciesJson));
const names = {
  kk: must(parseNameList(kkNames)),
  ru: must(parseNameList(ruNames)),
  streets: must(parseStreetList(streetNames)),
};
const akimats = [
  { kato: '101033000', settlements: ['101033100', '101033102', '101033103'] },
  { kato: '111600000', settlements: ['111600100'] },
  { kato: '101037000', settlements: [] },
];
const options: GeneratorOptions = { count: 50_000, seed: 20250101, akimats, referenceYear: 2025, names };
const referenceDate = '2025-01-01' as PlainDate;

// Issue 4, item 5: a realistic, deterministic synthetic book.
describe('generateHouseholds over 50,000 households', () => {
  let book: Household[] = [];
  beforeAll(() => {
    book = [...generateHouseholds(options)];
  });

  it('yields exactly the requested number, lazily', () => {
    expect(book).toHaveLength(50_000);
    const it = generateHouseholds({ ...options, count: 3 });
    expect(it.next().done).toBe(false);
  });

  it('gives every person a valid IIN, and no IIN twice', () => {
    const seen = new Set<string>();
    let invalid = 0;
    let members = 0;
    for (const h of book) {
      for (const m of h.members) {
        members++;
        if (!parseIin(m.iin).ok) invalid++;
        seen.add(m.iin);
      }
    }
    expect(invalid).toBe(0);
    expect(seen.size).toBe(members);
    // about 3.8 people a household, as 6 million in 1.6 million households
    expect(members / book.length).toBeGreaterThan(3.5);
    expect(members / book.length).toBeLessThan(4.2);
  });

  it('writes patronymics, surnames and given names that agree with the sex in the IIN', () => {
    const male = new Set([...names.kk.male, ...names.ru.male]);
    const female = new Set([...names.kk.female, ...names.ru.female]);
    const wrong: string[] = [];
    for (const h of book) {
      for (const m of h.members) {
        const sex = must(parseIin(m.iin)).sex;
        const patronymicOk =
          sex === 'male'
            ? /(?:ұлы|ович|евич)$/.test(m.patronymic ?? '')
            : /(?:қызы|овна|евна)$/.test(m.patronymic ?? '');
        const nameOk = sex === 'male' ? male.has(m.name) : female.has(m.name);
        const surnameOk =
          sex === 'male'
            ? !/(?:ова|ева|ёва|ина|ская|қызы)$/.test(m.surname)
            : !/(?:ов|ев|ёв|ин|ский|ұлы)$/.test(m.surname);
        if (!patronymicOk || !nameOk || !surnameOk)
          wrong.push(`${sex} ${m.surname} ${m.name} ${m.patronymic}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('builds households of 1–9 members with one head and plausible ages', () => {
    const sizes = new Set<number>();
    const problems: string[] = [];
    const refDay = toDayNumber(referenceDate);
    for (const h of book) {
      const current = h.members.filter((m) => m.leftOn === undefined);
      sizes.add(current.length);
      if (h.members.length > 9) problems.push('more than nine');
      const people = h.members.map((m) => {
        const facts = must(parseIin(m.iin));
        return { m, sex: facts.sex, birth: toDayNumber(facts.birthDate) };
      });
      const heads = people.filter((p) => p.m.relation === 'head' && p.m.leftOn === undefined);
      if (heads.length !== 1) problems.push('heads');
      const head = heads[0]!;
      if (refDay - head.birth < 18 * 365) problems.push('child head');
      for (const { m, sex, birth } of people) {
        if (birth > refDay || refDay - birth > 100 * 366) problems.push('age');
        if (toDayNumber(m.joinedOn) < birth) problems.push('joined before birth');
        // The head's children are a generation younger than the head; parents a generation older.
        if (m.relation === 'child' && birth - head.birth < 17 * 365) problems.push('child too old');
        if (m.relation === 'parent' && head.birth - birth < 19 * 365) problems.push('parent too young');
        if (m.relation === 'grandchild' && birth - head.birth < 36 * 365) problems.push('grandchild too old');
        if (m.relation === 'spouse' && sex === head.sex) problems.push('spouse');
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...sizes].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('passes the book validation as of the reference date', () => {
    const failing = book
      .map((h) => validateHousehold(h, { species, today: referenceDate }))
      .filter((e) => e.length > 0);
    expect(failing.slice(0, 3)).toEqual([]);
  });

  it('spreads land and livestock as farms are: many with a few cows, sheep and chickens, some with none', () => {
    const share = (p: (h: Household) => boolean) => book.filter(p).length / book.length;
    const rec = (h: Household) => h.yearlyRecords[0]!;
    expect(share((h) => (rec(h).livestock.cattle ?? 0) > 0)).toBeGreaterThan(0.4);
    expect(share((h) => (rec(h).livestock.sheep ?? 0) > 0)).toBeGreaterThan(0.25);
    expect(share((h) => (rec(h).livestock.chickens ?? 0) > 0)).toBeGreaterThan(0.35);
    expect(share((h) => Object.keys(rec(h).livestock).length === 0)).toBeGreaterThan(0.1);
    expect(share((h) => rec(h).landPlots.some((p) => p.purpose === 'homestead'))).toBeGreaterThan(0.85);
    const codes = new Set(book.flatMap((h) => Object.keys(rec(h).livestock)));
    expect([...codes].filter((c) => !species.byCode.has(c))).toEqual([]);
    expect(codes.size).toBe(species.list.length); // every species occurs somewhere
  });

  it('uses every akimat and settlement, with account numbers unique inside each akimat', () => {
    const keys = new Set(book.map((h) => `${h.akimatKato}/${h.accountNumber}`));
    expect(keys.size).toBe(book.length);
    expect(new Set(book.map((h) => h.settlementKato))).toEqual(
      new Set(['101033100', '101033102', '101033103', '111600100', '101037000']),
    );
    expect(share(book, (h) => /көшесі|ул\./.test(h.address))).toBe(1);
  });

  it('survives export to the import layout and import back (the demo seeds through the same path)', () => {
    const sample = book.slice(0, 2000).filter((h) => h.akimatKato === '101033000');
    const rows = [householdBookHeader(species), ...sample.flatMap((h) => householdBookRows(h, species))];
    const r = parseHouseholdBookRows(rows, {
      akimatKato: '101033000',
      today: '2025-03-01' as PlainDate,
      species,
      openIins: new Set<string>(),
    });
    expect(r.errors.slice(0, 3)).toEqual([]);
    expect(r.households.map((h) => h.household)).toEqual(sample);
  });

  it('writes both Kazakh and Russian families', () => {
    const kazakh = share(book, (h) => /(?:ұлы|қызы)$/.test(h.members[0]?.patronymic ?? ''));
    expect(kazakh).toBeGreaterThan(0.7);
    expect(kazakh).toBeLessThan(0.8);
  });
});

function share<T>(items: readonly T[], p: (x: T) => boolean): number {
  return items.filter(p).length / items.length;
}

describe('generateHouseholds is deterministic', () => {
  const first = (seed: number | string, count = 300) => [...generateHouseholds({ ...options, seed, count })];

  it('gives the same book for the same seed and another for another seed', () => {
    expect(first(7)).toEqual(first(7));
    expect(first('demo')).toEqual(first('demo'));
    expect(first(7)[0]).not.toEqual(first(8)[0]);
  });

  it('a shorter run is a prefix of a longer one (so a book can be streamed in chunks)', () => {
    expect(first(7, 100)).toEqual(first(7, 300).slice(0, 100));
  });

  it('needs an akimat', () => {
    expect(() => [...generateHouseholds({ ...options, akimats: [] })]).toThrow(RangeError);
  });
});
