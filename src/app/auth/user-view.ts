import type { Actor } from '../../domain/access/policy';
import type { LocalizedText, UserRecord } from '../ports';

/** What the API shows of a signed-in user: never the password hash, never the citizen's full IIN. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRecord['role'];
  readonly locale: UserRecord['locale'];
  readonly territory: {
    readonly kato: string | null;
    readonly officeId: string | null;
    readonly name: LocalizedText | null;
  };
}

export function toUserView(user: UserRecord, territoryName: LocalizedText | null = null): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    territory: { kato: user.territoryKato, officeId: user.officeId, name: territoryName },
  };
}

export function toActor(user: UserRecord): Actor {
  return {
    userId: user.id,
    role: user.role,
    kato: user.territoryKato,
    officeId: user.officeId,
    iin: user.iin,
  };
}
