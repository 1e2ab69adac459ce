/**
 * The demo logins of issue 2, one per role, placed in the demo territory: Akmola oblast (110000000), Akkol
 * district (113200000), Kenes rural district (113243000), and a PSC of the directory.
 */
import type { AddUserInput } from '../users/add-user';

export const DEMO_TERRITORY = {
  oblastKato: '110000000',
  districtKato: '113200000',
  akimatKato: '113243000',
  pscOfficeId: 'psc-01',
  /** A valid IIN (born 1 January 1990, male) for the demo citizen. */
  citizenIin: '900101300017',
} as const;

export function demoUsers(password: string): AddUserInput[] {
  const t = DEMO_TERRITORY;
  return [
    {
      username: 'akimat',
      displayName: 'Айгүл Сейітқызы',
      role: 'akimat_officer',
      territoryKato: t.akimatKato,
    },
    { username: 'psc', displayName: 'Ерлан Бекұлы', role: 'psc_operator', officeId: t.pscOfficeId },
    { username: 'director', displayName: 'Гүлнар Омарова', role: 'psc_director', officeId: t.pscOfficeId },
    {
      username: 'district',
      displayName: 'Серік Жұмабаев',
      role: 'district_akim',
      territoryKato: t.districtKato,
    },
    { username: 'oblast', displayName: 'Марат Ахметов', role: 'oblast_akim', territoryKato: t.oblastKato },
    { username: 'ministry', displayName: 'Динара Қасымова', role: 'ministry_analyst' },
    { username: 'admin', displayName: 'Администратор', role: 'admin' },
    { username: 'auditor', displayName: 'Аудитор', role: 'auditor' },
    { username: 'citizen', displayName: 'Асқар Нұрланұлы', role: 'citizen', iin: t.citizenIin },
  ].map((u) => ({ ...u, password }));
}
