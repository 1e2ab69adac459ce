import { describe, expect, it } from 'vitest';
import { ACCESS } from '../domain/access/policy';
import { ROLES } from '../domain/access/roles';
import { navigationFor, PUBLIC_SECTIONS, ROLE_SECTIONS, SECTION_IDS, SECTIONS } from './sections';

// the navigation never offers a role a section that the access policy would refuse it.
describe('role sections', () => {
  it.each(ROLES)('%s is offered only sections its policy row allows', (role) => {
    const refused = ROLE_SECTIONS[role].filter((id) => {
      const actions = SECTIONS[id].actions;
      return actions.length > 0 && !actions.some((a) => ACCESS[role][a] !== undefined);
    });
    expect(refused).toEqual([]);
  });

  it.each(ROLES)('%s has at least one task on its home page', (role) => {
    expect(ROLE_SECTIONS[role].length).toBeGreaterThan(0);
  });

  it('every section is somebody’s task or public', () => {
    const used = new Set([...Object.values(ROLE_SECTIONS).flat(), ...PUBLIC_SECTIONS]);
    expect(SECTION_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('public sections need no permission', () => {
    expect(PUBLIC_SECTIONS.filter((id) => SECTIONS[id].actions.length > 0)).toEqual([]);
  });

  it('navigation starts at the landing page when signed out and at /home when signed in', () => {
    expect(navigationFor(null)[0]).toEqual({ path: '/', labelKey: 'nav.home' });
    expect(navigationFor('auditor')[0]).toEqual({ path: '/home', labelKey: 'nav.home' });
  });

  it('links only sections that have a page, each once, public ones for everybody', () => {
    // Only these two have a page here, whatever the real table says.
    const none = Object.fromEntries(
      SECTION_IDS.map((id) => [id, { ...SECTIONS[id], path: null }]),
    ) as unknown as typeof SECTIONS;
    const built = {
      ...none,
      indicators: { ...SECTIONS.indicators, path: '/indicators' },
      offices: { ...SECTIONS.offices, path: '/offices' },
    };
    const paths = (role: Parameters<typeof navigationFor>[0]) =>
      navigationFor(role, built).map((i) => i.path);
    expect(paths('ministry_analyst')).toEqual(['/home', '/indicators', '/offices']);
    expect(paths('auditor')).toEqual(['/home', '/offices']);
    expect(paths(null)).toEqual(['/', '/offices']);
  });

  // Issue 3, item 5: the directory and the service page are public; the calendar is the admin's.
  // Issue 5, item 3: so is certificate verification; issue 7: so is a complaint's status.
  it('offers the public pages to everybody and the calendar to the admin', () => {
    expect(navigationFor(null).map((i) => i.path)).toEqual([
      '/',
      '/service-info',
      '/offices',
      '/verify',
      '/complaints/status',
      '/quality',
    ]);
    expect(navigationFor('admin').map((i) => i.path)).toEqual([
      '/home',
      '/calendar',
      '/offices',
      '/service-info',
      '/verify',
      '/complaints/status',
      '/quality',
    ]);
  });

  // Issue 7 (R-16..R-19): who files, reviews and follows up complaints.
  it('offers complaints to their reviewers, intake to the counters, follow-ups to the directors', () => {
    const paths = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((i) => i.path);
    expect(paths('citizen')).toContain('/my-complaints');
    expect(paths('district_akim')).toEqual(expect.arrayContaining(['/complaints', '/followups']));
    expect(paths('psc_operator')).toContain('/complaints/intake');
    expect(paths('psc_operator')).not.toContain('/complaints');
    expect(paths('psc_director')).toEqual(
      expect.arrayContaining(['/complaints', '/complaints/intake', '/followups']),
    );
  });
});
