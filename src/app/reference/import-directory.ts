/**
 * `qosalqy import-seed-directory` and the first start: the offices of Appendices 1 and 2, linked to
 * their KATO territory where the seed's words allow it (domain/directory/link-territory), replacing the
 * previous import in one transaction.
 */
import { linkOfficesToTerritory } from '../../domain/directory/link-territory';
import type { OfficeRecord } from '../../domain/directory/office-record';
import { ok, type Result } from '../../domain/shared/result';
import type { AuditInput, Deps, Office } from '../ports';

export function toOffice(record: OfficeRecord, kato: string | null): Office {
  return {
    id: record.id,
    kind: record.kind,
    appendix: record.appendix,
    ordinal: record.ordinal,
    schedule: record.kind === 'psc' ? 'psc' : 'akimat',
    kato,
    oblast: record.oblast,
    name: record.name,
    address: record.address,
    phones: record.phones,
    fax: record.fax ?? null,
    emails: record.emails,
  };
}

export async function importDirectory(
  deps: Deps,
  input: { offices: readonly OfficeRecord[]; actor: Pick<AuditInput, 'actorId' | 'actorRole' | 'ip'> },
): Promise<Result<{ offices: number; unlinked: string[] }>> {
  const index = await deps.territory.index();
  const { links, unlinked } = linkOfficesToTerritory(input.offices, index);
  const katoOf = new Map(links.map((l) => [l.officeId, l.kato]));
  const offices = input.offices.map((o) => toOffice(o, katoOf.get(o.id) ?? null));
  await deps.uow.run(async (repos) => {
    await repos.offices.replaceKinds(
      ['oblast_apparatus', 'district_apparatus', 'city_apparatus', 'psc'],
      offices,
    );
    await repos.audit.append({
      ...input.actor,
      action: 'directory.import',
      subjectType: 'offices',
      subjectId: null,
      outcome: 'success',
      details: { offices: offices.length, unlinked: unlinked.length },
    });
  });
  deps.akimatNames.invalidate();
  return ok({ offices: offices.length, unlinked });
}
