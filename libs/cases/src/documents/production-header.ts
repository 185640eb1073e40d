import { DataSource, EntityManager } from 'typeorm';
import { CaseScope, REQUEST_TYPE_LABELS, toLocalDate, toLocalDateTime } from '@custodian/domain';
import { CaseEntity } from '@custodian/persistence';
import { DECLARATION_REQUEST_TYPES, NamedOfficial, ProductionHeader, placeholderProblem } from '@custodian/production';
import { loadRules } from '../rules-store';
import { namedOfficial, instrumentSummary } from './case-officials';
import { countCaseRecords } from './case-records';

export interface LibraryIdentity {
  batesPrefix: string;
  libraryName: string;
  libraryPlace: string;
}

/** The approving director or reviewing attorney is not a named person with a title: nothing is rendered. */
export class UnnamedProductionOfficialError extends Error {
  constructor(readonly problem: string) {
    super(`Production not rendered: ${problem}; record the person's name and title under Users first`);
    this.name = 'UnnamedProductionOfficialError';
  }
}

/**
 * Everything a production prints except its records, for the worker that renders it and the director's preview
 * (where the decision is not taken yet: `decision.createdAt` is now). Bates numbers are not assigned here.
 */
export async function productionHeader(
  dataSource: DataSource,
  row: CaseEntity,
  scope: CaseScope,
  decision: { directorId: string; createdAt: Date },
  review: { attorneyId: string },
  library: LibraryIdentity,
): Promise<ProductionHeader> {
  const manager = dataSource.manager;
  const rules = await loadRules(manager);
  const basis = rules[row.requestType].basisForRelease;
  // Only an approved case is produced, so both people are known; a stand-in would sign in substance for no one.
  const director = await productionOfficial(manager, decision.directorId, 'approving director');
  const reviewer = await productionOfficial(manager, review.attorneyId, 'reviewing attorney');
  // Subpoenas and court orders: the approving director signs as custodian of records (Evid. Code §§ 1561, 1562).
  const declaration = (DECLARATION_REQUEST_TYPES as readonly string[]).includes(row.requestType)
    ? { custodian: director, place: library.libraryPlace, date: toLocalDate(new Date()), criminal: row.requestType === 'criminal_subpoena' }
    : undefined;
  return {
    declaration,
    caseNumber: row.caseNumber,
    requestTypeLabel: REQUEST_TYPE_LABELS[row.requestType],
    requester: { name: row.requester.name, agency: row.requester.agency ?? null },
    instrumentSummary: instrumentSummary(row.instrument),
    authority: basis ? { text: basis.text, citation: basis.citation } : { text: 'the release route the legal review found (§ 7927.105(c))', citation: 'Gov. Code § 7927.105(c) (formerly § 6267)' },
    approvedBy: director,
    approvedAt: toLocalDateTime(decision.createdAt),
    reviewedBy: reviewer,
    scope,
    requestedScope: row.scope,
    batesPrefix: library.batesPrefix,
    generatedAt: toLocalDateTime(new Date()),
    libraryName: library.libraryName,
    expectedRecords: await countCaseRecords(dataSource, row.id),
  };
}

/**
 * Refuses, before anything is approved, an approval whose production could not be signed: the approving director and
 * the reviewing attorney must be named people with titles (the worker checks again when it renders).
 */
export async function assertProductionOfficials(manager: EntityManager, directorId: string, attorneyId: string): Promise<void> {
  await productionOfficial(manager, directorId, 'approving director');
  await productionOfficial(manager, attorneyId, 'reviewing attorney');
}

async function productionOfficial(manager: EntityManager, userId: string, who: string): Promise<NamedOfficial> {
  const person = await namedOfficial(manager, userId);
  const problem = placeholderProblem(person, who);
  if (problem) throw new UnnamedProductionOfficialError(problem);
  return person!;
}
