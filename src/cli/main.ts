/**
 * `qosalqy`: serve, migrate, seed-demo, users add, audit verify (and the import/export commands of later issues).
 * Each command has --help. Configuration comes from the environment (see README).
 */
import { Command } from 'commander';
import { ConfigError } from '../adapters/system/config';
import { registerAuditCommands } from './commands/audit';
import { registerCalendarCommands } from './commands/calendar';
import { registerDbCommands } from './commands/db';
import { registerHouseholdCommands } from './commands/households';
import { registerKeyCommands } from './commands/keys';
import { registerReferenceCommands } from './commands/reference';
import { registerServeCommand } from './commands/serve';
import { registerUserCommands } from './commands/users';

const program = new Command()
  .name('qosalqy')
  .description('Qosalqy — certificates of a personal subsidiary farm (ЖҚШ / ЛПХ)')
  .showHelpAfterError();

registerServeCommand(program);
registerDbCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerReferenceCommands(program);
registerHouseholdCommands(program);
registerKeyCommands(program);
registerCalendarCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    // One clear line naming the variable (issue 2: a bad environment value).
    console.error(`qosalqy: invalid configuration: ${error.message}`);
    process.exit(2);
  }
  console.error(`qosalqy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
