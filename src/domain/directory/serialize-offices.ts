/**
 * the exact content of data/offices.json, so that a test can re-run the parser on the seed and compare
 * byte for byte. Keys are written in one fixed order whatever order the records were built in.
 */
import type { KkRu, OfficeRecord, SeedDirectory } from './office-record';

export const OFFICES_FILE_SOURCE =
  'Service standard «Жеке қосалқы шаруашылықтың болуы туралы анықтама беру», Government Decree No. 283 of ' +
  '29 March 2011, Appendices 1 and 2 (seed 000_86a92b107ae47ac7.txt), parsed by scripts/build-offices.ts ' +
  'with data/offices-corrections.json';

const kkRu = (v: KkRu): KkRu => ({ kk: v.kk, ru: v.ru });

function canonical(o: OfficeRecord): Record<string, unknown> {
  return {
    id: o.id,
    appendix: o.appendix,
    ordinal: o.ordinal,
    kind: o.kind,
    oblast: kkRu(o.oblast),
    ...(o.district ? { district: kkRu(o.district) } : {}),
    name: kkRu(o.name),
    address: o.address,
    phones: [...o.phones],
    ...(o.fax !== undefined ? { fax: o.fax } : {}),
    emails: [...o.emails],
  };
}

export function serializeOffices(result: SeedDirectory): string {
  const count = (appendix: 1 | 2) => result.offices.filter((o) => o.appendix === appendix).length;
  const file = {
    source: OFFICES_FILE_SOURCE,
    counts: { appendix1: count(1), appendix2: count(2) },
    offices: result.offices.map(canonical),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
