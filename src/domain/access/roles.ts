/** Roles of issue 2 (foundation). Each person has exactly one role and, where it applies, one territory. */
export const ROLES = [
  'akimat_officer',
  'psc_operator',
  'psc_director',
  'district_akim',
  'oblast_akim',
  'ministry_analyst',
  'admin',
  'auditor',
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What a role's territory is: one rural akimat (KATO), one PSC office, a district or oblast (KATO), or none. */
export const ROLE_SCOPE = {
  akimat_officer: 'akimat',
  psc_operator: 'office',
  psc_director: 'office',
  district_akim: 'district',
  oblast_akim: 'oblast',
  ministry_analyst: 'national',
  admin: 'national',
  auditor: 'national',
  citizen: 'self',
} as const satisfies Record<Role, 'akimat' | 'office' | 'district' | 'oblast' | 'national' | 'self'>;
