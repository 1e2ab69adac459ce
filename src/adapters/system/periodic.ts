/**
 * A task repeated in the background beside the server (the queue's closing sweep, the complaint deadline
 * sweep, the audit sealer). Runs never overlap — a tick that finds the last run still going is skipped — a
 * failure is reported and the next tick tries again, and `stop()` waits for the run in progress: a shutdown
 * closes the database only after every background task has let go of it (a sweep still running at close
 * used to end in "driver has already been destroyed").
 */
export interface Periodic {
  /** No new runs; resolves when the one in progress (if any) has finished. */
  stop(): Promise<void>;
}

export function every(
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): Periodic {
  let running: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = task()
      .then(
        () => undefined,
        (e: unknown) => onError(e),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  // A background task alone never keeps the process alive.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * `every`, for a task that drains a queue (the audit sealer, the name indexer): `stop()` also runs it once more
 * after the last tick, so a clean shutdown leaves nothing waiting. A failure of that last round is reported too.
 */
export function drainEvery(
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): Periodic {
  const rounds = every(intervalMs, task, onError);
  return {
    async stop() {
      await rounds.stop();
      await task().catch(onError);
    },
  };
}
