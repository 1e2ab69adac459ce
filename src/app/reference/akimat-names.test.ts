import { describe, expect, it } from 'vitest';
import { AKIMAT_NAMES_REFRESH_MS, akimatNamesCache } from './akimat-names';

const name = (kato: string, kk = `${kato} ауылдық округі әкімінің аппараты`) => ({
  kato,
  name: { kk, ru: `Аппарат акима: ${kato}` },
});

describe('the akimats’ printed names held per process (R-5, R-6: the issuer printed on every document)', () => {
  it('holds a name it was given, and nothing else', () => {
    const names = akimatNamesCache(() => 0);
    expect(names.held('111111111')).toBeUndefined();
    names.hold(name('111111111'));
    expect(names.held('111111111')).toEqual(name('111111111'));
    expect(names.held('222222222')).toBeUndefined();
  });

  it('forgets a name REFRESH_MS after it was read, so other instances print an import’s new name', () => {
    let now = 1_000;
    const names = akimatNamesCache(() => now);
    names.hold(name('111111111'));
    now += AKIMAT_NAMES_REFRESH_MS - 1;
    expect(names.held('111111111')).toBeDefined();
    now += 1;
    expect(names.held('111111111')).toBeUndefined();
  });

  it('forgets every name on invalidate (the importing instance prints the new names at once)', () => {
    const names = akimatNamesCache(() => 0);
    names.hold(name('111111111'));
    names.hold(name('222222222'));
    names.invalidate();
    expect(names.held('111111111')).toBeUndefined();
    expect(names.held('222222222')).toBeUndefined();
  });

  it('a name held again replaces the old one and is fresh again', () => {
    let now = 0;
    const names = akimatNamesCache(() => now);
    names.hold(name('111111111', 'ескі'));
    now = AKIMAT_NAMES_REFRESH_MS - 10;
    names.hold(name('111111111', 'жаңа'));
    now = AKIMAT_NAMES_REFRESH_MS + 10;
    expect(names.held('111111111')?.name.kk).toBe('жаңа');
  });

  it('holds at most 5,000 akimats, dropping the oldest reading first', () => {
    const names = akimatNamesCache(() => 0);
    for (let i = 0; i < 5_001; i++) names.hold(name(String(100_000_000 + i)));
    expect(names.held('100000000')).toBeUndefined();
    expect(names.held('100000001')).toBeDefined();
    expect(names.held('100005000')).toBeDefined();
  });
});
