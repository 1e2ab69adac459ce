import type { Command } from 'commander';
import { openDatabase } from '../../adapters/db/database';
import { migrate } from '../../adapters/db/migrate';
import { loadKeyRing, rotateSigningKey } from '../../adapters/system/signing-keys';
import { loadConfig } from '../../adapters/system/config';

export function registerKeyCommands(program: Command) {
  const keys = program.command('keys').description('the Ed25519 keys that sign certificate QR codes (R-23)');
  const open = async () => {
    const config = loadConfig();
    const db = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
    await migrate(db);
    return db;
  };
  keys
    .command('list')
    .description('list the keys: id, created, retired')
    .action(async () => {
      const db = await open();
      try {
        const ring = await loadKeyRing(db.kysely);
        for (const k of ring.publicKeys()) {
          console.log(
            `${k.keyId}\tcreated ${k.createdAt}\t${k.retiredAt ? `retired ${k.retiredAt}` : 'ACTIVE'}\tx=${k.jwk.x}`,
          );
        }
      } finally {
        await db.close();
      }
    });
  keys
    .command('rotate')
    .description('retire the active key and create a new one; certificates signed before keep verifying')
    .action(async () => {
      const db = await open();
      try {
        console.log(
          `new active key: ${await rotateSigningKey(db.kysely)} (restart the servers to sign with it)`,
        );
      } finally {
        await db.close();
      }
    });
}
