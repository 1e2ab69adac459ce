/**
 * Adds a user (CLI `qosalqy users add`, demo seeding). The role's territory must be present and well-formed:
 * an akimat officer without an akimat could see nothing, and one with a wrong code could see the wrong book.
 */
import { isRole, ROLE_SCOPE, type Role } from '../../domain/access/roles';
import { parseIin } from '../../domain/iin/iin';
import { err, ok, type Result } from '../../domain/shared/result';
import type { AuditInput, Deps, Repositories } from '../ports';

export interface AddUserInput {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: string;
  readonly territoryKato?: string | null;
  readonly officeId?: string | null;
  readonly iin?: string | null;
  readonly locale?: 'kk' | 'ru' | 'en';
}

export function validateNewUser(input: AddUserInput): Result<{ role: Role }> {
  if (!/^[a-z0-9._-]{2,64}$/.test(input.username)) {
    return err('USER.BAD_USERNAME', 'a username is 2–64 of a-z, 0-9, dot, dash, underscore');
  }
  if (input.password.length < 8) return err('USER.WEAK_PASSWORD', 'a password has at least 8 characters');
  if (!isRole(input.role)) return err('USER.UNKNOWN_ROLE', `unknown role ${input.role}`);
  const scope = ROLE_SCOPE[input.role];
  const kato = input.territoryKato ?? null;
  if (['akimat', 'district', 'oblast'].includes(scope) && !(kato && /^\d{9}$/.test(kato))) {
    return err('USER.TERRITORY_REQUIRED', `role ${input.role} needs a 9-digit KATO territory`);
  }
  if (scope === 'office' && !input.officeId)
    return err('USER.OFFICE_REQUIRED', `role ${input.role} needs a PSC office`);
  if (scope === 'self') {
    if (!input.iin || !parseIin(input.iin).ok) return err('USER.IIN_REQUIRED', 'a citizen needs a valid IIN');
  }
  return ok({ role: input.role });
}

export async function addUserIn(
  deps: Deps,
  repos: Repositories,
  input: AddUserInput,
  actor: Pick<AuditInput, 'actorId' | 'actorRole' | 'ip'>,
): Promise<Result<{ id: string }>> {
  const valid = validateNewUser(input);
  if (!valid.ok) return valid;
  if (await repos.users.findByUsername(input.username)) return err('USER.EXISTS', 'that username is taken');
  const id = deps.ids.uuid();
  await repos.users.insert({
    id,
    username: input.username,
    passwordHash: await deps.passwords.hash(input.password),
    displayName: input.displayName,
    role: valid.value.role,
    territoryKato: input.territoryKato ?? null,
    officeId: input.officeId ?? null,
    iin: input.iin ?? null,
    locale: input.locale ?? 'kk',
  });
  await repos.audit.append({
    ...actor,
    action: 'user.create',
    subjectType: 'user',
    subjectId: id,
    outcome: 'success',
    details: { username: input.username, role: input.role },
  });
  return ok({ id });
}

export async function addUser(
  deps: Deps,
  input: AddUserInput,
  actor: Pick<AuditInput, 'actorId' | 'actorRole' | 'ip'> = { actorId: null, actorRole: 'system', ip: null },
): Promise<Result<{ id: string }>> {
  return deps.uow.run((repos) => addUserIn(deps, repos, input, actor));
}
