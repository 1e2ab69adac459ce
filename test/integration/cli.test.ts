import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/qosalqy.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, QOSALQY_SKIP_BUILD: '1', ...env },
    timeout: 60_000,
  });

describe('the qosalqy command', () => {
  it('exits with one clear line naming a bad environment variable', () => {
    const r = run(['serve'], { PORT: 'not-a-port' });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^qosalqy: invalid configuration: PORT: /);
  });

  it.each([
    ['serve'],
    ['migrate'],
    ['seed-demo'],
    ['users', 'add'],
    ['audit', 'verify'],
    ['backup'],
    ['restore'],
  ])('has --help for %s', (...cmd) => {
    const r = run([...cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: qosalqy/);
  });
});
