/**
 * access to personal data only by role and territory. This is the ONE function that decides every
 * access (role × territory × action); routes and use cases ask it, never re-implement it.
 */
import { isWithin } from '../territory/kato-code';
import type { Role } from './roles';

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** KATO of the role's akimat / district / oblast; null for national roles and citizens. */
  readonly kato: string | null;
  /** PSC office id for psc_operator / psc_director. */
  readonly officeId: string | null;
  /** A citizen's own IIN. */
  readonly iin?: string | null;
}

/** Where the thing acted on lives. Every field is optional: an action checks the ones it needs. */
export interface Resource {
  /** KATO of the akimat (or settlement) the record belongs to. */
  readonly kato?: string | null;
  /** Office (PSC) that holds the record. */
  readonly officeId?: string | null;
  /** The applicant's IIN, for a citizen's own records. */
  readonly ownerIin?: string | null;
}

export const ACTIONS = [
  'session.read',
  'household.read',
  'household.write',
  'household.import',
  'application.akimat.decide',
  'application.psc.intake',
  'application.psc.handover',
  'application.read',
  'application.online.create',
  'document.correct',
  'document.revoke',
  'complaint.review',
  'complaint.read',
  'complaint.intake',
  'complaint.online.create',
  'complaint.escalate',
  'followup.read',
  'kpi.read',
  'kpi.targets.write',
  'calendar.write',
  'users.manage',
  'audit.read',
  'queue.operate',
  'queue.supervise',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role's territory reaches for an action:
 * - `own_akimat`: the resource's KATO lies within the actor's akimat;
 * - `own_district` / `own_oblast`: within the actor's district / oblast (by KATO prefix);
 * - `own_office`: the resource is held by the actor's PSC office;
 * - `own_records`: a citizen's own IIN;
 * - `anywhere`: national;
 * - absent: denied.
 */
export type Reach = 'own_akimat' | 'own_district' | 'own_oblast' | 'own_office' | 'own_records' | 'anywhere';

/** The access table. A missing cell is a denial: new actions are closed until someone opens them here. */
export const ACCESS: Readonly<Record<Role, Partial<Record<Action, Reach>>>> = {
  akimat_officer: {
    'session.read': 'anywhere',
    'household.read': 'own_akimat',
    'household.write': 'own_akimat',
    'household.import': 'own_akimat',
    'application.akimat.decide': 'own_akimat',
    'application.read': 'own_akimat',
    // Issue 5: a certificate is corrected (a new one supersedes it) or revoked by the akimat that issued it.
    'document.correct': 'own_akimat',
    'document.revoke': 'own_akimat',
    'complaint.review': 'own_akimat',
    'complaint.read': 'own_akimat',
    'complaint.intake': 'own_akimat',
    'queue.operate': 'own_akimat',
  },
  psc_operator: {
    'session.read': 'anywhere',
    'application.psc.intake': 'own_office',
    'application.psc.handover': 'own_office',
    'application.read': 'own_office',
    'complaint.intake': 'own_office',
    'queue.operate': 'own_office',
  },
  psc_director: {
    'session.read': 'anywhere',
    'application.read': 'own_office',
    'complaint.review': 'own_office',
    'complaint.read': 'own_office',
    'complaint.intake': 'own_office',
    'followup.read': 'own_office',
    'kpi.read': 'own_office',
    'queue.supervise': 'own_office',
  },
  district_akim: {
    'session.read': 'anywhere',
    'household.read': 'own_district',
    'application.read': 'own_district',
    'complaint.review': 'own_district',
    'complaint.read': 'own_district',
    'followup.read': 'own_district',
    'kpi.read': 'own_district',
  },
  oblast_akim: {
    'session.read': 'anywhere',
    'household.read': 'own_oblast',
    'application.read': 'own_oblast',
    'complaint.review': 'own_oblast',
    'complaint.read': 'own_oblast',
    'complaint.escalate': 'own_oblast',
    'followup.read': 'own_oblast',
    'kpi.read': 'own_oblast',
  },
  ministry_analyst: { 'session.read': 'anywhere', 'kpi.read': 'anywhere', 'kpi.targets.write': 'anywhere' },
  admin: {
    'session.read': 'anywhere',
    'users.manage': 'anywhere',
    'calendar.write': 'anywhere',
    'complaint.escalate': 'anywhere',
  },
  auditor: { 'session.read': 'anywhere', 'audit.read': 'anywhere' },
  citizen: {
    'session.read': 'anywhere',
    'application.online.create': 'own_records',
    'application.read': 'own_records',
    'complaint.online.create': 'own_records',
    'complaint.read': 'own_records',
  },
};

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/**
 * The actor's own code is their territory: an akimat officer of 113243000 works with 113243000 and all below
 * it, a district akim of 113200000 with the whole district (domain/territory isWithin, by the KATO groups).
 * The reach only says which roles may act at all; the code says where.
 */
function withinKato(actorKato: string | null, resourceKato: string | null | undefined): boolean {
  if (!actorKato || !resourceKato) return false;
  return isWithin(resourceKato, actorKato);
}

export function decide(actor: Actor, action: Action, resource: Resource = {}): Decision {
  const reach = ACCESS[actor.role][action];
  if (reach === undefined) return deny(`role ${actor.role} may not ${action}`);
  switch (reach) {
    case 'anywhere':
      return ALLOW;
    case 'own_office':
      return actor.officeId !== null && resource.officeId === actor.officeId
        ? ALLOW
        : deny('outside own office');
    case 'own_records':
      return actor.iin && resource.ownerIin === actor.iin ? ALLOW : deny('not own records');
    default:
      return withinKato(actor.kato, resource.kato) ? ALLOW : deny('outside own territory');
  }
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  return decide(actor, action, resource).allowed;
}
