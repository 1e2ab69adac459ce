import type { Kysely } from 'kysely';
import type { AuthFailureRepository, SessionRepository } from '../../../app/ports';
import type { Database } from '../schema';
import { toUserRecord } from './users.repository';

export function sessionsRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(s) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
          ip: s.ip,
        })
        .execute();
    },
    async findActiveUser(tokenHash, now) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .where('s.token_hash', '=', tokenHash)
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .executeTakeFirst();
      return row && toUserRecord(row);
    },
    async revoke(tokenHash, at) {
      await db.updateTable('sessions').set({ revoked_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async revokeAllOf(userId, at) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

export function authFailuresRepository(db: Kysely<Database>): AuthFailureRepository {
  return {
    async record(username, at) {
      await db.insertInto('auth_failures').values({ username, at }).execute();
    },
    async since(username, since) {
      const rows = await db
        .selectFrom('auth_failures')
        .select('at')
        .where('username', '=', username)
        .where('at', '>', since)
        .execute();
      return rows.map((r) => new Date(r.at));
    },
    async clear(username) {
      await db.deleteFrom('auth_failures').where('username', '=', username).execute();
    },
  };
}
