import { type Kysely, type Selectable, sql } from 'kysely';
import type { TerritoryRepository } from '../../../app/ports';
import type { KatoFormer, KatoKind, KatoLevel, KatoNode } from '../../../domain/territory/kato-node';
import type { PlainDate } from '../../../domain/shared/plain-date';
import type { Database, KatoNodesTable } from '../schema';

const toIsoDate = (d: unknown): PlainDate | null =>
  d === null || d === undefined
    ? null
    : ((d instanceof Date ? d.toISOString() : String(d)).slice(0, 10) as PlainDate);

function toNode(r: Selectable<KatoNodesTable>): KatoNode {
  return {
    code: r.code,
    parentCode: r.parent_code,
    level: r.level as KatoLevel,
    kind: r.kind as KatoKind,
    names: { kk: r.name_kk, ru: r.name_ru },
    isServiceProvider: r.is_provider,
    validFrom: toIsoDate(r.valid_from),
    validTo: toIsoDate(r.valid_to),
    history: r.history as KatoFormer[],
  };
}

export function territoryRepository(db: Kysely<Database>): TerritoryRepository {
  return {
    async all() {
      return (await db.selectFrom('kato_nodes').selectAll().orderBy('code').execute()).map(toNode);
    },
    async count() {
      const r = await db
        .selectFrom('kato_nodes')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async fingerprint() {
      // xmin: the transaction that wrote each row version; replaceAll writes every row in one transaction, so
      // a new import (or any update) raises the newest one. One pass over 16 k narrow rows, inside PostgreSQL.
      const r = await sql<{ n: number; newest: string }>`
        select count(*)::int as n, coalesce(max(xmin::text::bigint), 0)::text as newest from kato_nodes`.execute(
        db,
      );
      const row = r.rows[0]!;
      return `${row.n}:${row.newest}`;
    },
    async replaceAll(nodes) {
      await db.deleteFrom('kato_nodes').execute();
      for (let i = 0; i < nodes.length; i += 1000) {
        await db
          .insertInto('kato_nodes')
          .values(
            nodes.slice(i, i + 1000).map((n) => ({
              code: n.code,
              parent_code: n.parentCode,
              level: n.level,
              kind: n.kind,
              name_kk: n.names.kk,
              name_ru: n.names.ru,
              is_provider: n.isServiceProvider,
              valid_from: n.validFrom,
              valid_to: n.validTo,
              history: JSON.stringify(n.history),
            })),
          )
          .execute();
      }
    },
  };
}
