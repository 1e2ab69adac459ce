import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importDirectory } from '../../app/reference/import-directory';
import { importTerritory } from '../../app/reference/import-territory';
import { parseCorrectionsFile } from '../../domain/directory/corrections';
import { parseSeedDirectory } from '../../domain/directory/parse-seed-directory';
import { serializeOffices } from '../../domain/directory/serialize-offices';
import { type PlainDate, parsePlainDate } from '../../domain/shared/plain-date';
import { parseKatoCsv } from '../../domain/territory/kato-csv';
import { OFFICES_FILE } from '../../adapters/reference/reference-files';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';
import { ROOT_DIR } from '../../adapters/system/paths';

const CLI_ACTOR = { actorId: null, actorRole: 'cli', ip: null } as const;
const MAX_KATO_BYTES = 50 * 1024 * 1024;

function today(): PlainDate {
  return new Date().toISOString().slice(0, 10) as PlainDate;
}

export function registerReferenceCommands(program: Command) {
  program
    .command('import-kato')
    .description(
      'merge a KATO classifier file (id;parent_id;code;name, UTF-8 or cp1251, ru or kk+ru) into the territory',
    )
    .argument('<file>', 'the CSV as the statistics authority publishes it')
    .option(
      '--as-of <date>',
      'the date of the snapshot (YYYY-MM-DD); default: the date in the file name, else today',
    )
    .option('--dry-run', 'report what would change and write nothing')
    .action(async (file: string, opts: { asOf?: string; dryRun?: boolean }) => {
      if (statSync(file).size > MAX_KATO_BYTES) throw new Error(`${file} is over 50 MB: not a KATO file`);
      const asOfText = opts.asOf ?? /(\d{4}-\d{2}-\d{2})/.exec(path.basename(file))?.[1] ?? today();
      const asOf = parsePlainDate(asOfText);
      if (!asOf.ok) throw new Error(`--as-of: ${asOf.error.message}`);
      const parsed = parseKatoCsv(new Uint8Array(readFileSync(file)));
      if (!parsed.ok) {
        console.error(`${parsed.error.code}: ${parsed.error.message}`);
        const problems = (parsed.error.details?.problems ?? []) as {
          line: number;
          problem: string;
          message: string;
        }[];
        for (const p of problems.slice(0, 200))
          console.error(`  line ${p.line}: ${p.problem} — ${p.message}`);
        if (problems.length > 200) console.error(`  … and ${problems.length - 200} more`);
        console.error('nothing was changed');
        process.exitCode = 1;
        return;
      }
      for (const w of parsed.value.warnings.slice(0, 50))
        console.warn(`warning: line ${w.line ?? '-'}: ${w.message}`);
      const runtime = await openRuntime(loadConfig());
      try {
        const r = await importTerritory(runtime.deps, {
          incoming: parsed.value.nodes,
          asOf: asOf.value,
          dryRun: opts.dryRun === true,
          actor: CLI_ACTOR,
        });
        if (!r.ok) {
          console.error(`${r.error.code}: ${r.error.message}\nnothing was changed`);
          process.exitCode = 1;
          return;
        }
        const s = r.value;
        console.log(
          `${s.written ? 'imported' : 'dry run'}: ${s.nodes} nodes, ${s.providers} rural akimats; ` +
            `added ${s.added}, closed ${s.closed}, renamed ${s.renamed}, unchanged ${s.unchanged}`,
        );
      } finally {
        await runtime.close();
      }
    });

  program
    .command('import-seed-directory')
    .description(
      'parse Appendices 1 and 2 of the service standard into the office directory (data/offices.json)',
    )
    .argument('<file>', 'the seed text, e.g. ../shared/seed/000_86a92b107ae47ac7.txt')
    .option(
      '--corrections <file>',
      'reviewed corrections',
      path.join(ROOT_DIR, 'data/offices-corrections.json'),
    )
    .option('--write-json <file>', 'where to write the parsed directory', OFFICES_FILE)
    .option('--no-db', 'only write the JSON, do not load it into the database')
    .action(async (file: string, opts: { corrections: string; writeJson: string; db: boolean }) => {
      const corrections = parseCorrectionsFile(JSON.parse(readFileSync(opts.corrections, 'utf8')));
      if (!corrections.ok) throw new Error(`${opts.corrections}: ${corrections.error.message}`);
      const parsed = parseSeedDirectory(readFileSync(file, 'utf8'), corrections.value);
      const open = parsed.issues.filter((i) => !i.resolvedBy);
      for (const i of open)
        console.warn(`${i.severity}: line ${i.line} ${i.entry ?? ''} ${i.code}: ${i.message}`);
      if (open.some((i) => i.severity === 'error')) {
        console.error('the seed has unresolved errors: add reviewed corrections; nothing was changed');
        process.exitCode = 1;
        return;
      }
      writeFileSync(opts.writeJson, serializeOffices(parsed));
      const a1 = parsed.offices.filter((o) => o.appendix === 1).length;
      console.log(
        `parsed ${a1} apparatuses (Appendix 1) and ${parsed.offices.length - a1} PSCs (Appendix 2) → ${opts.writeJson}`,
      );
      if (!opts.db) return;
      const runtime = await openRuntime(loadConfig());
      try {
        const r = await importDirectory(runtime.deps, { offices: parsed.offices, actor: CLI_ACTOR });
        if (!r.ok) throw new Error(r.error.message);
        console.log(
          `loaded ${r.value.offices} offices; not linked to KATO: ${r.value.unlinked.join(', ') || 'none'}`,
        );
      } finally {
        await runtime.close();
      }
    });
}
