import { type Kysely, type Selectable, sql } from 'kysely';
import type { Office, OfficeRepository } from '../../../app/ports';
import type { Database, OfficesTable } from '../schema';

function toOffice(r: Selectable<OfficesTable>): Office {
  return {
    id: r.id,
    kind: r.kind as Office['kind'],
    appendix: r.appendix as Office['appendix'],
    ordinal: r.ordinal,
    schedule: r.schedule as Office['schedule'],
    kato: r.kato,
    oblast: r.oblast_kk !== null && r.oblast_ru !== null ? { kk: r.oblast_kk, ru: r.oblast_ru } : null,
    name: { kk: r.name_kk, ru: r.name_ru },
    address: r.address,
    phones: r.phones,
    fax: r.fax,
    emails: r.emails,
  };
}

/** Lower-cased text over every searchable field, so one LIKE finds a name or an address in either language. */
export function officeSearchText(o: Office): string {
  return [o.name.kk, o.name.ru, o.oblast?.kk, o.oblast?.ru, o.address, o.kato]
    .filter(Boolean)
    .join(' | ')
    .toLowerCase();
}

const KIND_ORDER = sql`case kind when 'oblast_apparatus' then 1 when 'city_apparatus' then 2 when 'district_apparatus' then 3 when 'psc' then 4 else 5 end`;

export function officesRepository(db: Kysely<Database>): OfficeRepository {
  return {
    async findById(id) {
      const row = await db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOffice(row);
    },
    async search(f) {
      let q = db.selectFrom('offices');
      if (f.appendix) q = q.where('appendix', '=', f.appendix);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.oblastKato) q = q.where('kato', 'like', `${f.oblastKato.slice(0, 2)}%`);
      if (f.districtKato) q = q.where('kato', 'like', `${f.districtKato.slice(0, 4)}%`);
      if (f.oblastName) {
        const name = f.oblastName.toLowerCase();
        q = q.where((eb) =>
          eb.or([eb(sql`lower(oblast_kk)`, '=', name), eb(sql`lower(oblast_ru)`, '=', name)]),
        );
      }
      if (f.q) {
        for (const word of f.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6)) {
          q = q.where('search_text', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        }
      }
      const total = await q.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .selectAll()
        .orderBy(KIND_ORDER)
        .orderBy('appendix')
        .orderBy('ordinal')
        .orderBy('kato')
        .orderBy('id')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return { total: Number(total.n), offices: rows.map(toOffice) };
    },
    async replaceKinds(kinds, offices) {
      if (kinds.length)
        await db
          .deleteFrom('offices')
          .where('kind', 'in', [...kinds])
          .execute();
      for (let i = 0; i < offices.length; i += 500) {
        await db
          .insertInto('offices')
          .values(
            offices.slice(i, i + 500).map((o) => ({
              id: o.id,
              kind: o.kind,
              appendix: o.appendix,
              ordinal: o.ordinal,
              schedule: o.schedule,
              kato: o.kato,
              oblast_kk: o.oblast?.kk ?? null,
              oblast_ru: o.oblast?.ru ?? null,
              name_kk: o.name.kk,
              name_ru: o.name.ru,
              address: o.address,
              phones: JSON.stringify(o.phones),
              fax: o.fax,
              emails: JSON.stringify(o.emails),
              search_text: officeSearchText(o),
            })),
          )
          .execute();
      }
    },
  };
}
