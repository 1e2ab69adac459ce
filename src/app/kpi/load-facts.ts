/**
 * Issue 8: the facts of a period, read from the service's tables — applications, issued documents, queue
 * tickets, answered complaints, survey answers — and cut to the unit looked at. 3.3 takes the default setting of
 * every office that served in the period until providers enter theirs.
 */
import {
  DEFAULT_SERVICE_INFO,
  type FactSet,
  keyAt,
  type PeriodRange,
  type Placement,
  type ServiceInfoSetting,
} from '../../domain/kpi';
import type { Repositories } from '../ports';
import type { Unit } from './scope';

function within(unit: Unit) {
  return (f: { readonly place: Placement }) => keyAt(f.place, unit.level) === unit.key;
}

export function restrictFacts(facts: FactSet, unit: Unit): FactSet {
  if (unit.level === 'country') return facts;
  const inUnit = within(unit);
  return {
    applications: facts.applications?.filter(inUnit),
    documents: facts.documents?.filter(inUnit),
    tickets: facts.tickets?.filter(inUnit),
    complaints: facts.complaints?.filter(inUnit),
    surveys: facts.surveys?.filter(inUnit),
    settings: facts.settings?.filter(inUnit),
  };
}

/** 3.3 until providers enter their setting: every office that served in the period, with the default. */
function defaultSettings(facts: FactSet): ServiceInfoSetting[] {
  const seen = new Map<string, Placement>();
  for (const a of facts.applications ?? []) if (a.place.office !== null) seen.set(a.place.office, a.place);
  return [...seen.values()].map((place) => ({ place, ...DEFAULT_SERVICE_INFO }));
}

export async function loadFacts(repos: Repositories, range: PeriodRange, unit: Unit): Promise<FactSet> {
  const span = { fromMs: range.fromMs, toMs: range.toMs };
  const days = { from: range.from, to: range.to };
  const [applications, documents, tickets, complaints, surveys] = await Promise.all([
    repos.indicatorFacts.applications(span),
    repos.indicatorFacts.documents(span),
    repos.indicatorFacts.tickets(days),
    repos.indicatorFacts.complaints(span),
    repos.indicatorFacts.surveys(days),
  ]);
  const all: FactSet = { applications, documents, tickets, complaints, surveys };
  return restrictFacts({ ...all, settings: defaultSettings(all) }, unit);
}
