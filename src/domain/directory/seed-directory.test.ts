import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCorrectionsFile } from './corrections';
import { SANE_EMAIL } from './email-repair';
import type { OfficeRecord } from './office-record';
import { blockingIssues, formatParseIssue, parseSeedDirectory } from './parse-seed-directory';
import { serializeOffices } from './serialize-offices';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const SEED = repo('../shared/seed/000_86a92b107ae47ac7.txt');

/** `8 (AREA) LOCAL` or, where the seed prints no area code, the local number alone (docs/domain/directory.md). */
const PHONE_FORMAT = /^(?:8 \(\d{3,6}\) )?\d{1,3}(?:-\d{1,3})+$/u;

// The seed lives outside the repository (../shared) and is not always there (e.g. a bare CI checkout);
// without it there is nothing to reproduce, and the fixture tests in parse-seed-directory.test.ts still run.
describe.skipIf(!existsSync(SEED))('the directory parsed from the seed (R-20)', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const corrections = parseCorrectionsFile(
    JSON.parse(readFileSync(repo('data/offices-corrections.json'), 'utf8')),
  );
  if (!corrections.ok) throw new Error(corrections.error.message);
  const result = parseSeedDirectory(text, corrections.value);
  const byId = new Map(result.offices.map((o) => [o.id, o]));
  const get = (id: string): OfficeRecord => {
    const office = byId.get(id);
    if (!office) throw new Error(`no office ${id}`);
    return office;
  };

  it('reproduces data/offices.json byte for byte', () => {
    expect(serializeOffices(result)).toBe(readFileSync(repo('data/offices.json'), 'utf8'));
  });

  it('has every issue reviewed: none blocks, each is resolved by a correction', () => {
    expect(blockingIssues(result).map(formatParseIssue)).toEqual([]);
    expect(result.issues.filter((i) => i.resolvedBy === undefined).map(formatParseIssue)).toEqual([]);
    expect(result.issues).toHaveLength(9);
  });

  it('has 196 apparatuses in 14 oblasts with the seed counts, and 24 PSCs', () => {
    const perOblast = new Map<string, number>();
    for (const o of result.offices.filter((x) => x.appendix === 1)) {
      perOblast.set(o.oblast.kk, (perOblast.get(o.oblast.kk) ?? 0) + 1);
    }
    expect([...perOblast]).toEqual([
      ['Ақмола облысы', 20],
      ['Ақтөбе облысы', 13],
      ['Алматы облысы', 19],
      ['Атырау облысы', 8],
      ['Шығыс Қазақстан облысы', 19],
      ['Жамбыл облысы', 11],
      ['Батыс Қазақстан облысы', 13],
      ['Қарағанды облысы', 12],
      ['Қостанай облысы', 21],
      ['Қызылорда облысы', 9],
      ['Маңғыстау облысы', 8],
      ['Павлодар облысы', 14],
      ['Солтүстік Қазақстан облысы', 14],
      ['Оңтүстік Қазақстан облысы', 15],
    ]);
    expect(result.offices.filter((o) => o.appendix === 2)).toHaveLength(24);
    expect(result.offices.filter((o) => o.kind === 'oblast_apparatus')).toHaveLength(14);
    expect(result.offices.every((o) => o.kind === 'psc' || o.appendix === 1)).toBe(true);
  });

  it('numbers entries as printed and gives stable, unique ids', () => {
    expect(new Set(result.offices.map((o) => o.id)).size).toBe(220);
    for (const o of result.offices) {
      expect(o.id).toEqual(
        o.appendix === 2
          ? `psc-${String(o.ordinal).padStart(2, '0')}`
          : expect.stringMatching(/^a1-\d{2}-\d{2}$/u),
      );
      if (o.appendix === 1) expect(Number(o.id.slice(6))).toBe(o.ordinal);
    }
  });

  it.each([
    ['a1-01-07', ['atbasar_oko@mail.ru']], // `atbasar_oko@ma l.ru`
    ['a1-01-09', ['lieve@kokshetau.online.kz']], // `lieve@` + next line
    ['a1-14-11', ['trkoo@mail.ru']], // `trkoo` + `@ m a i l . r u`
    ['a1-13-08', ['Kyzylzhar-akimat@sko.kz', 'dsh05@mail.ru']], // `sko/kz`; `dsh05@` + `mail.ru`
    ['a1-10-03', ['aralkalasy@mail.ru', 'aral_akimat@mail.ru']], // `mail ru`; `aral_akimat` + `@mail.ru`
    ['a1-02-02', ['aitekebi_akimat@mail.ru']], // Cyrillic а
    ['a1-05-04', ['eco@ridder.kz']], // Cyrillic есо
    ['a1-06-09', ['Tokaev@mail.ru']], // Kazakh і in maіl
    ['a1-05-12', ['Zur_Economica@mail.ru']], // `Zur_ ` + `Economica@mail.ru`
    ['a1-11-04', ['apparat_beineu@mail.ru']], // `apparat_ ` + `beineu@ mail.ru`
    ['a1-12-08', ['kense.amr@pavlodar.gov.kz']], // `kense.amr.@`
    ['a1-08-04', ['bukharfarhad@topmail.kz', 'gasik@topmail.kz', 'b-jirauakimat@mail.ru']],
    ['a1-07-02', ['Berik-63@mail.ru']], // no `E-mail:` label
    ['a1-05-16', []], // cut at `tarbag_econ@mail.`: acknowledged, not guessed
    ['a1-10-06', []], // cut at `org_acim@mail.`
    ['a1-12-11', ['kense.ashr@pavlodar.gov.kz']], // correction of `kebse`
    ['a1-12-14', []], // correction: Ertis's address printed for Ekibastuz
  ])('%s e-mails %j', (id, emails) => {
    expect(get(id).emails).toEqual(emails);
  });

  it.each([
    ['a1-01-01', ['8 (7162) 25-79-22', '8 (7162) 25-70-93'], undefined],
    ['a1-01-17', ['8 (71637) 2-13-66'], undefined], // `2 13-66`
    ['a1-05-07', ['8 (72236) 9-03-45'], undefined], // `тел. (72236)`
    ['a1-07-04', ['8 (71133) 20-368', '8 (71133) 20-888'], '8 (71133) 20-368, 8 (71133) 20-888'], // `8 71133)`
    ['a1-13-05', ['8 (71543) 2-15-01', '8 (71543) 2-11-67'], '8 (71543) 2-15-01, 8 (71543) 2-11-65'], // `(71543 2-15-01`
    ['a1-06-10', ['8 (72644) 6-17-77', '8 (72641) 2-12-58'], '8 (72644) 6-17-77, 8 (72641) 2-12-58'], // `(72641` + `)`
    [
      'a1-06-01',
      ['8 (7262) 45-54-86', '8 (7262) 45-88-31', '8 (7262) 45-42-30', '8 (7262) 45-60-21'],
      '8 (7262) 45-42-05, 8 (7262) 45-46-28',
    ],
    ['a1-02-01', ['8 (7132) 54-28-63'], '8 (7132) 56-49-07'], // `56-49-` + `07`
    ['a1-02-09', ['8 (71333) 3-64-14'], '54-17-39'], // would be 11 digits with the area code: kept as printed
    ['a1-10-02', [], '8 (72438) 2-12-90'], // fax only
    ['a1-10-09', ['8 (7242) 23-67-00'], '8 (7242) 23-84-66'], // `ф:`
    ['a1-11-03', ['8 (72934) 3-19-81'], '8 (72934) 3-13-50'], // `8 (` + `72934)`
    ['a1-07-06', ['8 (7135) 21-343'], '8 (7135) 21-343'], // correction: Zhanakala's number removed
    ['psc-16', ['263-82-51'], undefined],
  ])('%s phones %j, fax %s', (id, phones, fax) => {
    expect(get(id).phones).toEqual(phones);
    expect(get(id).fax).toBe(fax);
  });

  it.each([
    ['a1-01-01', 'Ақмола облысы, Көкшетау қ., Абай к., 83.'], // `Абай к` + `., 83.`
    ['a1-02-03', 'Ақтөбе облысы, Алға ауданы, Алға қ., 5 ш.а., 4 үй.'], // `Алға қ.` + `, 5 ш.а.`
    ['a1-11-01', 'Маңғыстау облысы, Ақтау қ., 14 ш.а., 1 үй.'], // `14 ш.а.` + `., 1 үй.`
    ['a1-09-07', 'Қостанай облысы, Жітіқара ауданы, Жітіқара қ., 6 ш.а., 65 үй.'], // `ш.а..`
    ['a1-13-13', 'Солтүстік Қазақстан облысы, Уәлиханов ауданы, Кішкенекөл а., Ш. Уәлиханов к., 85.'], // `Ш` + `. Уә…`
    ['a1-14-02', 'Оңтүстік Қазақстан облысы, Бәйдібек ауданы, Шаян а., Б. Қарашаұлы к., 49.'], // `49` + `.`
    ['a1-11-05', 'Маңғыстау облысы, Қарақия ауданы, Құрық а., Досан Батыр к., 8.'],
    ['psc-06', 'Семей қ., 408-ші квартал., 21 үй'],
    ['psc-24', 'Астана қ., 81 көше., 85 үй'],
  ])('%s address %s', (id, address) => {
    expect(get(id).address).toBe(address);
  });

  it('reads the interleaved entry (its phone line printed before its name)', () => {
    expect(get('a1-13-09')).toEqual({
      id: 'a1-13-09',
      appendix: 1,
      ordinal: 9,
      oblast: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область' },
      kind: 'district_apparatus',
      name: { kk: '«Мамлют ауданы әкімінің аппараты» ММ', ru: 'ГУ «Аппарат акима Мамлютского района»' },
      address: 'Солтүстік Қазақстан облысы, Мамлют ауданы, Мамлютка қ., С. Мұқанов к., 12.',
      phones: ['8 (71541) 2-15-90', '8 (71541) 2-19-75'],
      fax: '8 (71541) 2-17-88, 8 (71541) 2-19-75',
      emails: ['Maml_akimat@mail.ru', 'maml-osh@mail.ru'],
      district: { kk: 'Мамлют ауданы', ru: 'Мамлютский район' },
    });
  });

  it.each([
    ['a1-01-01', 'oblast_apparatus', undefined, 'ГУ «Аппарат акима Акмолинской области»'],
    ['a1-01-02', 'city_apparatus', 'город Кокшетау', 'ГУ «Аппарат акима города Кокшетау»'],
    ['a1-03-18', 'city_apparatus', 'город Капшагай', 'ГУ «Аппарат акима города Капшагай»'], // correction
    [
      'a1-13-10',
      'district_apparatus',
      'район имени Габита Мусрепова',
      'ГУ «Аппарат акима района имени Габита Мусрепова»',
    ],
    ['a1-14-12', 'district_apparatus', 'Шардаринский район', 'ГУ «Аппарат акима Шардаринского района»'], // `ауданы ауданы`
    ['psc-05', 'psc', undefined, 'ЦОН № 1 Восточно-Казахстанской области'],
    ['psc-08', 'psc', undefined, 'ЦОН Западно-Казахстанской области'],
    ['psc-21', 'psc', 'район Алматы', 'ЦОН № 1 района Алматы города Астаны'],
  ])('%s is %s, district %s, ru name %s', (id, kind, districtRu, nameRu) => {
    const o = get(id);
    expect([o.kind, o.district?.ru, o.name.ru]).toEqual([kind, districtRu, nameRu]);
  });

  it('gives every office a Russian name and every e-mail and number one format', () => {
    for (const o of result.offices) {
      expect(o.oblast.ru).toMatch(/^[А-ЯЁа-яё -]+$/u);
      expect(o.name.ru).toMatch(/^(ГУ «Аппарат акима|ЦОН) [А-ЯЁа-яё.№ 0-9-]+»?$/u);
      if (o.district) expect(o.district.ru).toMatch(/^[А-ЯЁа-яё. -]+$/u);
      expect(o.district === undefined).toBe(
        o.kind === 'oblast_apparatus' || (o.kind === 'psc' && !o.name.kk.includes('ауданы')),
      );
      for (const email of o.emails) expect(email).toMatch(SANE_EMAIL);
      for (const phone of [...o.phones, ...(o.fax?.split(', ') ?? [])]) expect(phone).toMatch(PHONE_FORMAT);
      if (o.appendix === 1) for (const phone of o.phones) expect(phone.startsWith('8 (')).toBe(true);
      expect(o.phones.length + (o.fax ? 1 : 0)).toBeGreaterThan(0);
      expect(o.address).not.toMatch(/\s[,.]|\.\.|\s{2}/u);
    }
  });

  it('never throws when a line of the appendices is dropped or garbled (property)', () => {
    const lines = text.split('\n');
    fc.assert(
      fc.property(
        fc.integer({ min: 194, max: lines.length - 1 }),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 20 })),
        (index, replacement) => {
          const mutated = [...lines];
          if (replacement === undefined) mutated.splice(index, 1);
          else mutated[index] = replacement;
          const r = parseSeedDirectory(mutated.join('\n'), corrections.value);
          expect(r.offices.length).toBeGreaterThanOrEqual(190);
        },
      ),
      { numRuns: 40 },
    );
  });
});
