/**
 * How many cases each fuzz property runs (issue 10 item 3): 10,000 by default, within the CI budget; more behind
 * the flag, e.g. `FUZZ_RUNS=200000 npx vitest run --project unit fuzz`. A test-only module (never bundled).
 */
const fromEnv = Number(process.env.FUZZ_RUNS);
export const FUZZ_RUNS = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10_000;

/** A fixed seed per run of the suite, so a failure reproduces; FUZZ_SEED overrides it to explore further. */
const seedFromEnv = Number(process.env.FUZZ_SEED);
export const FUZZ_SEED = Number.isInteger(seedFromEnv) ? seedFromEnv : 20261201;

/** The options of every fuzz property: the run count, the seed, and no time limit per case. */
export const fuzzOptions = (runsDivisor = 1) => ({
  numRuns: Math.max(1, Math.floor(FUZZ_RUNS / runsDivisor)),
  seed: FUZZ_SEED,
});
