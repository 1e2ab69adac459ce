/**
 * What each role works on (issue 2, item 6: role-aware navigation and a home page per role). Later issues
 * give a section its page by setting `path`: from then on it appears in the navigation and as a link on the
 * home page; until then the home page lists it as a task, without a link.
 */
import type { Action } from '../domain/access/policy';
import type { Role } from '../domain/access/roles';
import type { MessageKey } from '../i18n';

export const SECTION_IDS = [
  'queue',
  'counter',
  'household-book',
  'akimat-inbox',
  'psc-intake',
  'hand-over',
  'complaints',
  'my-complaints',
  'complaint-intake',
  'complaint-status',
  'followups',
  'indicators',
  'targets',
  'audit-log',
  'users',
  'calendar',
  'offices',
  'verify',
  'service-info',
  'transparency',
  'apply-online',
  'my-applications',
  'applications',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface Section {
  readonly id: SectionId;
  /** The route of the section's page, once it exists; null while it is still to be built. */
  readonly path: string | null;
  /**
   * Actions of the access policy the section needs (any of them). The server decides access; this only keeps
   * the navigation from offering what the policy would refuse (checked in sections.test.ts). Empty: public.
   */
  readonly actions: readonly Action[];
}

export const SECTIONS: Readonly<Record<SectionId, Section>> = {
  queue: { id: 'queue', path: '/queue', actions: ['queue.operate', 'queue.supervise'] },
  counter: { id: 'counter', path: '/counter', actions: ['application.akimat.decide'] },
  'household-book': { id: 'household-book', path: '/household-book', actions: ['household.read'] },
  'akimat-inbox': { id: 'akimat-inbox', path: '/akimat-inbox', actions: ['application.akimat.decide'] },
  'psc-intake': { id: 'psc-intake', path: '/psc-intake', actions: ['application.psc.intake'] },
  'hand-over': { id: 'hand-over', path: '/hand-over', actions: ['application.psc.handover'] },
  complaints: { id: 'complaints', path: '/complaints', actions: ['complaint.review'] },
  'my-complaints': { id: 'my-complaints', path: '/my-complaints', actions: ['complaint.online.create'] },
  'complaint-intake': { id: 'complaint-intake', path: '/complaints/intake', actions: ['complaint.intake'] },
  'complaint-status': { id: 'complaint-status', path: '/complaints/status', actions: [] },
  followups: { id: 'followups', path: '/followups', actions: ['followup.read'] },
  indicators: { id: 'indicators', path: '/indicators', actions: ['kpi.read'] },
  targets: { id: 'targets', path: '/targets', actions: ['kpi.targets.write'] },
  'audit-log': { id: 'audit-log', path: null, actions: ['audit.read'] },
  users: { id: 'users', path: null, actions: ['users.manage'] },
  calendar: { id: 'calendar', path: '/calendar', actions: ['calendar.write'] },
  offices: { id: 'offices', path: '/offices', actions: [] },
  verify: { id: 'verify', path: '/verify', actions: [] },
  'service-info': { id: 'service-info', path: '/service-info', actions: [] },
  transparency: { id: 'transparency', path: '/quality', actions: [] },
  'apply-online': { id: 'apply-online', path: '/apply-online', actions: ['application.online.create'] },
  'my-applications': {
    id: 'my-applications',
    path: '/my-applications',
    actions: ['application.online.create'],
  },
  applications: { id: 'applications', path: '/applications', actions: ['application.read'] },
};

/** Each role's tasks, in the order its home page lists them. */
export const ROLE_SECTIONS: Readonly<Record<Role, readonly SectionId[]>> = {
  akimat_officer: [
    'queue',
    'counter',
    'household-book',
    'akimat-inbox',
    'applications',
    'complaints',
    'complaint-intake',
  ],
  psc_operator: ['queue', 'psc-intake', 'hand-over', 'applications', 'complaint-intake'],
  psc_director: ['applications', 'complaints', 'complaint-intake', 'followups', 'indicators', 'queue'],
  district_akim: ['complaints', 'followups', 'indicators', 'household-book', 'applications'],
  oblast_akim: ['complaints', 'followups', 'indicators', 'household-book', 'applications'],
  ministry_analyst: ['indicators', 'targets', 'offices'],
  admin: ['users', 'calendar', 'offices'],
  auditor: ['audit-log'],
  citizen: ['apply-online', 'my-applications', 'my-complaints', 'verify', 'offices', 'service-info'],
};

/** Pages anyone can open without signing in; the landing page links to those that exist. */
export const PUBLIC_SECTIONS: readonly SectionId[] = [
  'service-info',
  'offices',
  'verify',
  'complaint-status',
  'transparency',
];

export const sectionTitleKey = (id: SectionId): MessageKey => `section.${id}.title`;
export const sectionDescriptionKey = (id: SectionId): MessageKey => `section.${id}.description`;
export const roleKey = (role: Role): MessageKey => `role.${role}`;
export const homeTitleKey = (role: Role): MessageKey => `home.${role}.title`;
export const homeIntroKey = (role: Role): MessageKey => `home.${role}.intro`;

export interface NavItem {
  readonly path: string;
  readonly labelKey: MessageKey;
}

type SectionTable = Readonly<Record<SectionId, Section>>;

function linked(ids: readonly SectionId[], sections: SectionTable): NavItem[] {
  return ids.flatMap((id) => {
    const path = sections[id].path;
    return path === null ? [] : [{ path, labelKey: sectionTitleKey(id) }];
  });
}

/** The main navigation: the home page, then the role's sections that have a page, then the public ones. */
export function navigationFor(role: Role | null, sections: SectionTable = SECTIONS): NavItem[] {
  const own = role === null ? [] : ROLE_SECTIONS[role];
  const items: NavItem[] = [
    { path: role === null ? '/' : '/home', labelKey: 'nav.home' },
    ...linked(own, sections),
  ];
  for (const item of linked(PUBLIC_SECTIONS, sections)) {
    if (!items.some((i) => i.path === item.path)) items.push(item);
  }
  return items;
}
