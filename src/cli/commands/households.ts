import { createWriteStream, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { openHouseholdBookExport } from '../../app/households/export-household-book';
import { generateHouseholdBook } from '../../app/households/generate-households';
import { importHouseholdBook } from '../../app/households/import-household-book';
import { indexPendingNames } from '../../app/households/index-pending-names';
import {
  checkImportSize,
  readHouseholdBookFile,
  writeHouseholdBookCsv,
  writeHouseholdBookXlsx,
} from '../../adapters/files/household-book-file';
import { generatorNames } from '../../adapters/reference/names';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

export function registerHouseholdCommands(program: Command) {
  program
    .command('import-household-book')
    .description(
      "import an akimat's household book from CSV or XLSX (docs/household-book-import.md); all or nothing",
    )
    .argument('<file>', 'the .csv or .xlsx file')
    .requiredOption('--akimat <kato>', 'KATO code of the rural akimat whose book it is')
    .option('--utf8-only', 'refuse a cp1251 file instead of converting it')
    .action(async (file: string, o: { akimat: string; utf8Only?: boolean }) => {
      // Refused by size before a byte is read.
      const size = checkImportSize(statSync(file).size);
      if (!size.ok) throw new Error(`${size.error.code}: ${size.error.message}`);
      const read = await readHouseholdBookFile({
        bytes: new Uint8Array(readFileSync(file)),
        fileName: file,
        ...(o.utf8Only ? { expectedEncoding: 'utf-8' as const } : {}),
      });
      if (!read.ok) {
        const line = read.error.details?.line;
        console.error(
          `${read.error.code}${line ? ` (line ${line})` : ''}: ${read.error.message}\nnothing was changed`,
        );
        process.exitCode = 1;
        return;
      }
      for (const w of read.value.warnings) console.warn(`warning: ${w.code}: ${w.message}`);
      const runtime = await openRuntime(loadConfig());
      const started = Date.now();
      try {
        const r = await importHouseholdBook(runtime.deps, null, {
          akimatKato: o.akimat,
          rows: read.value.rows,
          ip: null,
        });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        const rep = r.value;
        for (const e of rep.errors.slice(0, 500)) {
          console.error(`line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.code}: ${e.message}`);
        }
        if (rep.errors.length > 500) console.error(`… and ${rep.errors.length - 500} more`);
        const s = (Date.now() - started) / 1000;
        console.log(
          rep.written
            ? `imported ${rep.rowsAccepted} rows: ${rep.created} households created, ${rep.updated} updated (${s.toFixed(1)} s)`
            : `nothing was changed: ${rep.rowsRejected} of ${rep.rowsRead} rows rejected`,
        );
        if (rep.written) {
          // The server's name indexer would do it too; the command leaves the book searchable by name itself.
          const t0 = Date.now();
          const n = await indexPendingNames(runtime.deps);
          if (n > 0)
            console.log(
              `names indexed for search: ${n} households (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
            );
        } else process.exitCode = 1;
      } finally {
        await runtime.close();
      }
    });

  program
    .command('export-household-book')
    .description("export an akimat's household book (current versions) as CSV or XLSX, in the import layout")
    .requiredOption('--akimat <kato>', 'KATO code of the rural akimat')
    .requiredOption('--out <file>', 'where to write; the format follows the extension (.csv or .xlsx)')
    .action(async (o: { akimat: string; out: string }) => {
      const format = o.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const runtime = await openRuntime(loadConfig());
      try {
        const households = await openHouseholdBookExport(runtime.deps, null, o.akimat, format, null);
        if (!households.ok) throw new Error(households.error.message);
        const write = format === 'csv' ? writeHouseholdBookCsv : writeHouseholdBookXlsx;
        const summary = await write(households.value, runtime.deps.species, createWriteStream(o.out));
        console.log(`wrote ${summary.households} households (${summary.rows} rows) to ${o.out}`);
      } finally {
        await runtime.close();
      }
    });

  program
    .command('generate-households')
    .description('write a synthetic household book: kk/ru names, valid unique IINs, land and livestock')
    .requiredOption('--households <n>', 'how many households', (v) => Number.parseInt(v, 10))
    .option('--seed <seed>', 'the same seed gives the same book', 'qosalqy')
    .option('--within <kato>', 'only the rural akimats inside this KATO territory')
    .option(
      '--year <year>',
      'reference year of the records',
      (v) => Number.parseInt(v, 10),
      new Date().getFullYear(),
    )
    .action(async (o: { households: number; seed: string; within?: string; year: number }) => {
      if (!Number.isInteger(o.households) || o.households < 1)
        throw new Error('--households must be a positive integer');
      const runtime = await openRuntime(loadConfig());
      const started = Date.now();
      try {
        const r = await generateHouseholdBook(runtime.deps, {
          count: o.households,
          seed: o.seed,
          withinKato: o.within,
          referenceYear: o.year,
          names: generatorNames(),
          onProgress: (n) => process.stderr.write(`\r${n} households…`),
        });
        const s = (Date.now() - started) / 1000;
        process.stderr.write('\n');
        console.log(
          `wrote ${r.households} households with ${r.members} members in ${s.toFixed(1)} s (${Math.round(r.members / s)} member rows/s)`,
        );
      } finally {
        await runtime.close();
      }
    });
}
