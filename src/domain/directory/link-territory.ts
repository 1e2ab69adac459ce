/**
 * the seed's apparatuses name their district or city in words; complaints are routed by territory,
 * so each apparatus is linked to its KATO node. The seed is of 2011 and KATO of 2022 (oblasts split in 2018
 * and 2022: Taldykorgan moved from Almaty oblast to Jetisu), so districts are matched by name across the
 * whole country, preferring the seed's oblast when a name occurs twice. What cannot be matched is reported.
 */
import { foldName } from '../territory/kato-names';
import type { KatoNode } from '../territory/kato-node';
import type { TerritoryIndex } from '../territory/territory-index';
import type { KkRu, OfficeKind } from './office-record';

export interface LinkableOffice {
  readonly id: string;
  readonly kind: OfficeKind;
  readonly oblast: KkRu;
  readonly district?: KkRu;
}

export interface TerritoryLink {
  readonly officeId: string;
  readonly kato: string | null;
}

const fold = (s: string) =>
  foldName(s)
    .replace(/[^a-zа-я0-9 -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words that say what kind of unit a name is, not which one. */
const UNIT_WORDS = new Set([
  'город',
  'г',
  'район',
  'районы',
  'область',
  'области',
  'а',
  'га',
  'ауданы',
  'каласы',
  'облысы',
  'им',
  'имени',
]);

/**
 * Renamed since the 2011 standard: the seed's name → the name in KATO 2022 (stems). Kept to what is sure:
 * South Kazakhstan oblast became Turkestan oblast (2018), the city of Kapshagay became Konaev (2022), and six
 * districts took Kazakh names (2018–2021).
 */
const RENAMED: Readonly<Record<string, string>> = {
  'южно-казахстанская': 'туркестанская',
  капшагаи: 'конаев',
  капшагай: 'конаев',
  енбекшильдерский: 'биржан сал',
  зыряновский: 'алтай',
  зеленовский: 'байтерек',
  тарановский: 'беимбета майлина',
  качирский: 'теренкол',
  лебяжинский: 'аккулы',
};

/** The distinctive word(s) of a district or city name: "Аккольский район" → "аккольский", "город Кокшетау" → "кокшетау". */
export function nameStem(name: string): string {
  // \b does not work with Cyrillic letters in JS regular expressions: split on spaces instead.
  const stem = fold(name)
    .split(' ')
    .filter((w) => w !== '' && !UNIT_WORDS.has(w))
    .join(' ');
  return RENAMED[stem] ?? stem;
}

function oblastNode(index: TerritoryIndex, oblast: KkRu): KatoNode | undefined {
  const stem = nameStem(oblast.ru);
  return index.roots().find((r) => nameStem(r.names.ru) === stem);
}

function districtNode(
  index: TerritoryIndex,
  district: KkRu,
  oblast: KatoNode | undefined,
): KatoNode | undefined {
  const stem = nameStem(district.ru);
  if (!stem) return undefined;
  const candidates = index
    .roots()
    .flatMap((root) => index.children(root.code))
    .filter((n) => nameStem(n.names.ru) === stem);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((c) => oblast && c.code.slice(0, 2) === oblast.code.slice(0, 2)) ?? candidates[0];
}

export function linkOfficesToTerritory(
  offices: readonly LinkableOffice[],
  index: TerritoryIndex,
): { links: TerritoryLink[]; unlinked: string[] } {
  const links: TerritoryLink[] = [];
  const unlinked: string[] = [];
  for (const office of offices) {
    const oblast = oblastNode(index, office.oblast);
    let node: KatoNode | undefined;
    if (office.kind === 'oblast_apparatus') node = oblast;
    else if (office.district && office.kind !== 'psc') node = districtNode(index, office.district, oblast);
    else if (office.kind === 'psc') node = oblast;
    if (!node && office.kind !== 'psc') unlinked.push(office.id);
    links.push({ officeId: office.id, kato: node?.code ?? null });
  }
  return { links, unlinked };
}
