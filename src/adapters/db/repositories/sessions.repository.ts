import type { Kysely } from 'kysely';
import type { AuthFailureRepository, SessionRepository } from '../../../app/ports';
import type { Database } from '../schema';

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
    async findActive(tokenHash, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return (
        row && {
          tokenHash: row.token_hash,
          userId: row.user_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
        }
      );
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
