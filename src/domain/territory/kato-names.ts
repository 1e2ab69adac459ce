/**
 * Names of territories as people type and read them. Two uses: search by name (R-20 directory, the
 * officer's territory picker) and telling a rename from a respelling when a new KATO snapshot arrives.
 */

/** Trim and collapse runs of white space (the classifier's exports carry stray double spaces). */
export function tidyName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

/**
 * Letters that cp1251-era files used in place of Kazakh letters the code page lacks (Ќ for Қ, Ў for Ұ/Ү,
 * Ѓ for Ғ, Њ for Ң, Ћ for Һ). The 2022 snapshot still has some (`с."Ќоянды"`). They are reported, not
 * repaired: ў may stand for ұ or ү.
 */
export const SUBSTITUTE_LETTERS = /[ЃѓЌќЎўЊњЋћ]/u;

const FOLD: Readonly<Record<string, string>> = {
  ё: 'е',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ѓ: 'г',
  ќ: 'к',
  ў: 'у',
  њ: 'н',
  ћ: 'х',
};

/**
 * A search and comparison key: lower case, Kazakh letters folded onto the Russian ones they are
 * transliterated with (so "Кенес" finds "Кенес", "Кенесский" and "Кеңес"), quotes dropped, no space
 * after a dot ("с.а. Каменка" = "с.а.Каменка"), white space collapsed.
 */
export function foldName(name: string): string {
  const lower = name.toLowerCase();
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  return tidyName(out.replace(/["«»„“”']/gu, ' '))
    .replace(/\.\s+/gu, '.')
    .replace(/\s*-\s*/gu, '-');
}
