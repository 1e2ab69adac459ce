import type { Kysely, Selectable } from 'kysely';
import type { NewUser, UserRecord, UserRepository } from '../../../app/ports';
import type { Role } from '../../../domain/access/roles';
import type { Database, UsersTable } from '../schema';

export function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    role: row.role as Role,
    territoryKato: row.territory_kato,
    officeId: row.office_id,
    iin: row.iin,
    locale: row.locale as UserRecord['locale'],
    active: row.active,
  };
}

export function usersRepository(db: Kysely<Database>): UserRepository {
  return {
    async findByUsername(username) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && toUserRecord(row);
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUserRecord(row);
    },
    async insert(user: NewUser) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          password_hash: user.passwordHash,
          display_name: user.displayName,
          role: user.role,
          territory_kato: user.territoryKato,
          office_id: user.officeId,
          iin: user.iin,
          locale: user.locale,
        })
        .execute();
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
