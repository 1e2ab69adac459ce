import type { Deps, LocalizedText, UserRecord } from '../ports';

/** The name of the territory or office a user works in, for the UI's header and home page. */
export async function territoryNameOf(deps: Deps, user: UserRecord): Promise<LocalizedText | null> {
  if (user.officeId) {
    const office = await deps.uow.read((repos) => repos.offices.findById(user.officeId!));
    return office ? office.name : null;
  }
  if (user.territoryKato) {
    const node = (await deps.territory.index()).find(user.territoryKato);
    return node ? { kk: node.names.kk ?? node.names.ru, ru: node.names.ru } : null;
  }
  return null;
}
