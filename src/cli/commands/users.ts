import type { Command } from 'commander';
import { addUser } from '../../app/users/add-user';
import { ROLES } from '../../domain/access/roles';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

export function registerUserCommands(program: Command) {
  const users = program.command('users').description('manage the people who sign in');
  users
    .command('add')
    .description('add a user with a role and, where the role needs one, a territory or office')
    .requiredOption('--username <name>', 'a-z, 0-9, dot, dash, underscore')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--password <password>', 'at least 8 characters')
    .option('--display-name <name>', 'full name shown in the UI and on documents')
    .option(
      '--kato <code>',
      'KATO of the akimat, district or oblast (akimat_officer, district_akim, oblast_akim)',
    )
    .option('--office <id>', 'PSC office id (psc_operator, psc_director)')
    .option('--iin <iin>', "a citizen's IIN")
    .option('--locale <locale>', 'kk | ru | en', 'kk')
    .action(
      async (o: {
        username: string;
        role: string;
        password: string;
        displayName?: string;
        kato?: string;
        office?: string;
        iin?: string;
        locale: 'kk' | 'ru' | 'en';
      }) => {
        const runtime = await openRuntime(loadConfig());
        try {
          const r = await addUser(runtime.deps, {
            username: o.username,
            password: o.password,
            displayName: o.displayName ?? o.username,
            role: o.role,
            territoryKato: o.kato ?? null,
            officeId: o.office ?? null,
            iin: o.iin ?? null,
            locale: o.locale,
          });
          if (!r.ok) {
            console.error(`${r.error.code}: ${r.error.message}`);
            process.exitCode = 1;
          } else console.log(`user ${o.username} added (${r.value.id})`);
        } finally {
          await runtime.close();
        }
      },
    );
}
