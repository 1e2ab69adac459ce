import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drainEvery, every } from './periodic';

/** A task whose runs the test finishes by hand. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let started = 0;
  const task = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        started++;
        finishers.push(resolve);
      }),
  );
  return { task, finishNext: () => finishers.shift()?.(), started: () => started };
}

describe('every (background tasks beside the server)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the task on each tick, never two at once', async () => {
    const t = controlledTask();
    const p = every(100, t.task, () => undefined);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.started()).toBe(1);
    // The run is still going: the next two ticks are skipped.
    await vi.advanceTimersByTimeAsync(200);
    expect(t.started()).toBe(1);
    t.finishNext();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.started()).toBe(2);
    t.finishNext();
    await p.stop();
  });

  it('stop() waits for the run in progress, and nothing runs after it', async () => {
    const t = controlledTask();
    const p = every(100, t.task, () => undefined);
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = p.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    t.finishNext();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.started()).toBe(1);
  });

  it('reports a failed run and tries again on the next tick', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const p = every(
      100,
      async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
      },
      (e) => errors.push(e),
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('database away');
    await p.stop();
  });

  it('stop() with nothing running resolves at once', async () => {
    const p = every(
      100,
      async () => undefined,
      () => undefined,
    );
    await expect(p.stop()).resolves.toBeUndefined();
  });
});

describe('drainEvery (the audit sealer, the name indexer)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs on each tick, and once more on stop() so that nothing is left waiting', async () => {
    const task = vi.fn(async () => undefined);
    const p = drainEvery(100, task, () => undefined);
    await vi.advanceTimersByTimeAsync(250);
    expect(task).toHaveBeenCalledTimes(2);
    await p.stop();
    expect(task).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(500);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('reports a failure of the last round instead of throwing from stop()', async () => {
    const errors: unknown[] = [];
    const p = drainEvery(
      100,
      async () => {
        throw new Error('database gone');
      },
      (e) => errors.push(e),
    );
    await expect(p.stop()).resolves.toBeUndefined();
    expect(errors.map(String)).toEqual(['Error: database gone']);
  });
});
