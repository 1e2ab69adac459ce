import { describe, expect, it } from 'vitest';
import kkNames from '../../../data/names/kk.json';
import ruNames from '../../../data/names/ru.json';
import streets from '../../../data/names/streets.json';
import {
  feminineSurname,
  kazakhPatronymic,
  parseNameList,
  parseStreetList,
  russianPatronymic,
} from './names';

const ru = parseNameList(ruNames);
const exceptions = ru.ok ? ru.value.patronymicExceptions : {};

describe('patronymics (issue 4: -ұлы/-қызы, -ович/-овна, -евич/-евна)', () => {
  it.each([
    ['Серік', 'male', 'Серікұлы'],
    ['Серік', 'female', 'Серікқызы'],
    ['Әли', 'male', 'Әлиұлы'],
    ['Нұрлан', 'female', 'Нұрланқызы'],
  ] as const)('kk %s, %s → %s', (father, sex, expected) => {
    expect(kazakhPatronymic(father, sex)).toBe(expected);
  });

  it.each([
    ['Иван', 'male', 'Иванович'],
    ['Иван', 'female', 'Ивановна'],
    ['Сергей', 'male', 'Сергеевич'],
    ['Николай', 'female', 'Николаевна'],
    ['Игорь', 'male', 'Игоревич'],
    ['Юрий', 'male', 'Юрьевич'],
    ['Василий', 'female', 'Васильевна'],
    ['Евгений', 'male', 'Евгеньевич'],
    ['Никита', 'male', 'Никитич'],
    ['Никита', 'female', 'Никитична'],
    ['Али', 'male', 'Алиевич'],
    // irregular, listed in data/names/ru.json
    ['Павел', 'male', 'Павлович'],
    ['Лев', 'female', 'Львовна'],
    ['Пётр', 'male', 'Петрович'],
    ['Дмитрий', 'female', 'Дмитриевна'],
    ['Яков', 'male', 'Яковлевич'],
  ] as const)('ru %s, %s → %s', (father, sex, expected) => {
    expect(russianPatronymic(father, sex, exceptions)).toBe(expected);
  });

  it('every Russian male name in the list gives -ович/-евич and -овна/-евна', () => {
    expect(ru.ok).toBe(true);
    if (!ru.ok) return;
    for (const name of ru.value.male) {
      expect(russianPatronymic(name, 'male', exceptions)).toMatch(/(?:ович|евич)$/);
      expect(russianPatronymic(name, 'female', exceptions)).toMatch(/(?:овна|евна)$/);
    }
  });
});

describe('feminine surnames', () => {
  it.each([
    ['Ахметов', 'Ахметова'],
    ['Сәрсенбаев', 'Сәрсенбаева'],
    ['Мусин', 'Мусина'],
    ['Соловьёв', 'Соловьёва'],
    ['Ковальский', 'Ковальская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Момышұлы', 'Момышқызы'],
    ['Шевченко', 'Шевченко'],
    ['Черных', 'Черных'],
    ['Ким', 'Ким'],
    ['Миллер', 'Миллер'],
  ])('%s → %s', (male, female) => {
    expect(feminineSurname(male)).toBe(female);
  });
});

describe('the name lists in data/names', () => {
  it.each([
    ['kk', kkNames],
    ['ru', ruNames],
  ])('%s holds a few hundred names and only names', (_lang, json) => {
    const r = parseNameList(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.male.length + r.value.female.length + r.value.surnames.length).toBeGreaterThan(300);
    expect(new Set(r.value.male).size).toBe(r.value.male.length);
  });

  it('Kazakh lists use the Kazakh letters', () => {
    const r = parseNameList(kkNames);
    if (!r.ok) throw new Error('kk list');
    const all = [...r.value.male, ...r.value.female, ...r.value.surnames].join('');
    for (const letter of 'әғқңөұүі') expect(all).toContain(letter);
  });

  it('streets parse; broken lists do not', () => {
    expect(parseStreetList(streets).ok).toBe(true);
    expect(parseNameList({ male: [], female: ['Анна'], surnames: ['Иванов'] }).ok).toBe(false);
    expect(parseNameList({ male: ['Иван1'], female: ['Анна'], surnames: ['Иванов'] }).ok).toBe(false);
    expect(
      parseNameList({
        male: ['Иван'],
        female: ['Анна'],
        surnames: ['Иванов'],
        patronymicExceptions: { Лев: ['Львович'] },
      }).ok,
    ).toBe(false);
  });
});
