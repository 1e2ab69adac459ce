import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type NameData, parseNameList, parseStreetList } from '../../domain/household/names';
import { unwrap } from '../../domain/shared/result';
import { ROOT_DIR } from '../system/paths';

const read = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(ROOT_DIR, 'data/names', file), 'utf8'));

/** The name and street lists of the synthetic household book generator (data/names/). */
export function generatorNames(): NameData {
  return {
    kk: unwrap(parseNameList(read('kk.json'))),
    ru: unwrap(parseNameList(read('ru.json'))),
    streets: unwrap(parseStreetList(read('streets.json'))),
  };
}
