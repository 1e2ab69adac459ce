import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeSpeciesCatalogue, type SpeciesCatalogue } from '../../domain/household/species';
import { unwrap } from '../../domain/shared/result';
import { ROOT_DIR } from '../system/paths';

let catalogue: SpeciesCatalogue | undefined;

/** The livestock and poultry species of the household book (data/species.json), read once per process. */
export function speciesCatalogue(): SpeciesCatalogue {
  catalogue ??= unwrap(
    makeSpeciesCatalogue(JSON.parse(readFileSync(path.join(ROOT_DIR, 'data/species.json'), 'utf8'))),
  );
  return catalogue;
}
