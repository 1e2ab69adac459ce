/**
 * One process at a time on an embedded (PGlite) data directory. PGlite is PostgreSQL compiled to WebAssembly
 * inside our process: unlike a PostgreSQL server it keeps no postmaster.pid, so a second process (a CLI
 * `backup`, `migrate` or `import-household-book` while `serve` runs, a second `serve`) would open the same files,
 * run its own crash recovery over them and overwrite the first process's work — found by the SIGKILL test
 * (test/integration/crash-safety.test.ts). The lock is a file beside the directory (`<dir>.lock`) holding the owner's PID, created with O_EXCL; a
 * file left by a process that died (SIGKILL, power loss) is taken over, because that PID no longer runs.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Beside the data directory, not in it: PostgreSQL's files are PGlite's alone. */
export const lockFileOf = (dataDir: string) => `${dataDir.replace(/[\\/]+$/, '')}.lock`;

export class DataDirInUseError extends Error {
  readonly code = 'DATABASE.IN_USE';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running \`qosalqy serve\`?); ` +
        'stop that process first, or use PostgreSQL (DATABASE_URL) to share a database between processes',
    );
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const file = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      // Released by close(); on a plain exit too. After SIGKILL the next process finds a dead PID.
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && running(owner))
        throw new DataDirInUseError(dataDir, owner);
      if (owner === process.pid) throw new DataDirInUseError(dataDir, owner);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
