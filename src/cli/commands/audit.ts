import type { Command } from 'commander';
import { verifyAuditChain } from '../../app/audit/verify-audit-chain';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and report the first modified, inserted or deleted row')
    .action(async () => {
      const runtime = await openRuntime(loadConfig());
      try {
        const verdict = await verifyAuditChain(runtime.deps);
        if (verdict.ok) console.log(`audit chain intact: ${verdict.rows} rows`);
        else {
          console.error(
            `audit chain BROKEN at seq ${verdict.problem.seq}: row ${verdict.problem.kind} (${verdict.rows} rows verified before it)`,
          );
          process.exitCode = 3;
        }
      } finally {
        await runtime.close();
      }
    });
}
