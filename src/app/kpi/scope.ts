/**
 * Issue 8: which unit a reader of the indicators looks at — the country, an oblast, a district, an akimat or a
 * PSC — and whether they may (R-14: the access policy decides; a director sees their office, a district akim
 * their district, an oblast akim their oblast, the ministry everything).
 */
import { decide } from '../../domain/access/policy';
import { COUNTRY, type Level, LEVELS } from '../../domain/kpi/facts';
import { err, ok, type Result } from '../../domain/shared/result';
import { districtOf, isKatoCode, oblastOf } from '../../domain/territory/kato-code';
import { toActor } from '../auth/user-view';
import type { Deps, UserRecord } from '../ports';

export interface Unit {
  readonly level: Level;
  /** The unit's key at its level: `KZ`, a KATO code, or a PSC office id. */
  readonly key: string;
}

export const COUNTRY_UNIT: Unit = { level: 'country', key: COUNTRY };

/** A unit's level from its code: an oblast or district by its KATO digit groups, else an office. */
export function unitOfKato(kato: string): Unit {
  if (oblastOf(kato) === kato) return { level: 'oblast', key: kato };
  if (districtOf(kato) === kato) return { level: 'district', key: kato };
  return { level: 'office', key: kato };
}

/** The unit a role looks at when it names none. */
function ownUnit(user: UserRecord): string | undefined {
  if (user.role === 'psc_director' || user.role === 'psc_operator') return user.officeId ?? undefined;
  if (user.role === 'ministry_analyst') return undefined;
  return user.territoryKato ?? undefined;
}

/**
 * Resolves `within` (or the user's own territory) to a unit the user may read the indicators of:
 * `AUTH.FORBIDDEN` outside their territory or role, `KPI.UNIT_NOT_FOUND` for an unknown office.
 */
export async function readableUnit(
  deps: Deps,
  user: UserRecord,
  within: string | undefined,
): Promise<Result<Unit>> {
  const actor = toActor(user);
  const asked = within ?? ownUnit(user);
  if (asked === undefined || asked === COUNTRY) {
    const access = decide(actor, 'kpi.read', {});
    return access.allowed ? ok(COUNTRY_UNIT) : err('AUTH.FORBIDDEN', access.reason);
  }
  if (isKatoCode(asked)) {
    const access = decide(actor, 'kpi.read', { kato: asked });
    return access.allowed ? ok(unitOfKato(asked)) : err('AUTH.FORBIDDEN', access.reason);
  }
  const office = await deps.uow.read((repos) => repos.offices.findById(asked));
  // The directory is public, so saying that an id names no PSC reveals nothing.
  if (office?.kind !== 'psc') return err('KPI.UNIT_NOT_FOUND', 'no PSC with that id', { within: asked });
  const access = decide(actor, 'kpi.read', { officeId: office.id, kato: office.kato });
  return access.allowed ? ok({ level: 'office', key: office.id }) : err('AUTH.FORBIDDEN', access.reason);
}

/** Levels at or below a unit's own (a district shows its offices and itself, not its oblast). */
export function levelsBelow(unit: Unit): readonly Level[] {
  return LEVELS.slice(0, LEVELS.indexOf(unit.level) + 1);
}
