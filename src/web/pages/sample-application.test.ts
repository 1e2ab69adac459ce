import { describe, expect, it } from 'vitest';
import { parseIin } from '../../domain/iin/iin';
import { SAMPLE_APPLICATION, SAMPLE_IIN } from './sample-application';

// R-21 (§10): the sample application on the stands, in Kazakh and Russian.
describe('sample application', () => {
  it('shows an IIN a PSC operator would accept (R-3)', () => {
    const iin = parseIin(SAMPLE_IIN);
    expect(iin.ok && iin.value).toMatchObject({ birthDate: '1985-04-12', sex: 'female' });
  });

  const words = (lang: 'kk' | 'ru') => Object.values(SAMPLE_APPLICATION[lang]).flat().join(' ');

  it('is written with the Kazakh letters in kk', () => {
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(words('kk')).toContain(letter);
  });

  it.each(['kk', 'ru'] as const)('never mixes Latin and Cyrillic letters in one word (%s)', (lang) => {
    const mixed = words(lang)
      .split(/[^\p{L}]+/u)
      .filter((w) => /\p{Script=Latin}/u.test(w) && /\p{Script=Cyrillic}/u.test(w));
    expect(mixed).toEqual([]);
  });

  it('has the same parts in both languages', () => {
    const shape = (lang: 'kk' | 'ru') =>
      Object.entries(SAMPLE_APPLICATION[lang]).map(([k, v]) => [k, Array.isArray(v) ? v.length : 1]);
    expect(shape('ru')).toEqual(shape('kk'));
  });
});
