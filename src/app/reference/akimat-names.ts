/**
 * The akimats' names as documents print them ("… әкімінің аппараты" / "Аппарат акима: …"), kept per process.
 * Every certificate and refusal names its akimat; reading the office directory for it was one round trip of
 * every issuing request. The directory changes only by import (R-1, R-20): the importing instance forgets the
 * names at once (`invalidate`), every other instance within REFRESH_MS — as the territory index does
 * (adapters/reference/territory-source.ts). A name is looked up through the caller's transaction when it is not
 * held (on PGlite the open transaction holds the only connection), so the cache never reads on its own.
 */
import type { AkimatName, AkimatNames } from '../ports';

/** Other instances print a renamed akimat within this time after an import; the importing one at once. */
export const AKIMAT_NAMES_REFRESH_MS = 60_000;

/** At most every rural akimat of the country (≈ 2,300) and a margin; past it the oldest readings go first. */
const MAX_HELD = 5_000;

export function akimatNamesCache(now: () => number = () => performance.now()): AkimatNames {
  const held = new Map<string, { name: AkimatName; at: number }>();
  return {
    held(kato) {
      const entry = held.get(kato);
      if (!entry) return undefined;
      if (now() - entry.at < AKIMAT_NAMES_REFRESH_MS) return entry.name;
      held.delete(kato);
      return undefined;
    },
    hold(name) {
      held.delete(name.kato);
      if (held.size >= MAX_HELD) held.delete(held.keys().next().value!);
      held.set(name.kato, { name, at: now() });
    },
    invalidate() {
      held.clear();
    },
  };
}
