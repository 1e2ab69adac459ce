import type { Kysely } from 'kysely';
import type { Repositories, UnitOfWork } from '../../app/ports';
import { applicationsRepository } from './repositories/applications.repository';
import { auditLog } from './repositories/audit.repository';
import { calendarChangesRepository } from './repositories/calendar-changes.repository';
import { documentLookupRepository } from './repositories/document-lookup.repository';
import { documentsRepository } from './repositories/documents.repository';
import { householdsRepository } from './repositories/households.repository';
import { indicatorFactsRepository, kpiTargetsRepository } from './repositories/kpi.repository';
import { indicatorRollupRepository } from './repositories/kpi-rollup.repository';
import { officesRepository } from './repositories/offices.repository';
import { queueRepository } from './repositories/queue.repository';
import { territoryRepository } from './repositories/territory.repository';
import { authFailuresRepository, sessionsRepository } from './repositories/sessions.repository';
import { usersRepository } from './repositories/users.repository';
import {
  complaintsRepository,
  outboxRepository,
  surveysRepository,
} from './repositories/complaints.repository';
import type { Database } from './schema';

export function repositoriesFor(db: Kysely<Database>, now: () => Date): Repositories {
  return {
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    authFailures: authFailuresRepository(db),
    audit: auditLog(db, now),
    calendarChanges: calendarChangesRepository(db),
    offices: officesRepository(db),
    territory: territoryRepository(db),
    households: householdsRepository(db),
    documentLookup: documentLookupRepository(db),
    applications: applicationsRepository(db),
    documents: documentsRepository(db),
    queue: queueRepository(db),
    kpiTargets: kpiTargetsRepository(db),
    indicatorFacts: indicatorFactsRepository(db),
    indicatorRollups: indicatorRollupRepository(db),
    complaints: complaintsRepository(db),
    surveys: surveysRepository(db),
    outbox: outboxRepository(db),
  };
}

/** Each `run` is one database transaction: everything inside commits together or not at all. `read` runs a
 * single read outside one (see the port). */
export function unitOfWork(db: Kysely<Database>, now: () => Date): UnitOfWork {
  const outside = repositoriesFor(db, now);
  return {
    run: (work) => db.transaction().execute((trx) => work(repositoriesFor(trx, now))),
    read: (work) => work(outside),
  };
}
