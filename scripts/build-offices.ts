/**
 * build data/offices.json from the seed text and data/offices-corrections.json.
 *
 *   npx tsx scripts/build-offices.ts ../shared/seed/000_86a92b107ae47ac7.txt
 *
 * Prints every issue (resolved ones marked) and the counts. When an error is left that no reviewed
 * correction resolves, it writes nothing and exits with 1: fix the parser or add a correction first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorrectionsFile } from '../src/domain/directory/corrections';
import {
  blockingIssues,
  formatParseIssue,
  parseSeedDirectory,
} from '../src/domain/directory/parse-seed-directory';
import { serializeOffices } from '../src/domain/directory/serialize-offices';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const seedPath = process.argv[2];
if (!seedPath) {
  console.error('usage: npx tsx scripts/build-offices.ts <seed text file>');
  process.exit(2);
}

const corrections = parseCorrectionsFile(
  JSON.parse(readFileSync(repo('data/offices-corrections.json'), 'utf8')),
);
if (!corrections.ok) {
  console.error(
    `data/offices-corrections.json: ${corrections.error.message}`,
    corrections.error.details ?? '',
  );
  process.exit(1);
}

const result = parseSeedDirectory(readFileSync(seedPath, 'utf8'), corrections.value);
for (const issue of result.issues) console.log(formatParseIssue(issue));

const perOblast = new Map<string, number>();
for (const office of result.offices) {
  if (office.appendix === 1) perOblast.set(office.oblast.kk, (perOblast.get(office.oblast.kk) ?? 0) + 1);
}
const pscs = result.offices.filter((o) => o.appendix === 2).length;
console.log(
  `\nAppendix 1: ${result.offices.length - pscs} apparatuses in ${perOblast.size} oblasts (${[...perOblast.values()].join(', ')}); Appendix 2: ${pscs} PSCs`,
);
const resolved = result.issues.filter((i) => i.resolvedBy !== undefined).length;
const blocking = blockingIssues(result);
console.log(
  `${result.issues.length} issues: ${resolved} resolved by corrections, ${blocking.length} blocking`,
);

if (blocking.length > 0) {
  console.error(
    '\nNot written: resolve the blocking issues above (parser or data/offices-corrections.json).',
  );
  process.exit(1);
}
writeFileSync(repo('data/offices.json'), serializeOffices(result));
console.log('wrote data/offices.json');
