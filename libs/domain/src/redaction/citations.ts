/** Statute citations printed on productions, logs and letters; one spelling everywhere (domain.md §1, §2). */
export const CITATIONS = {
  patronRecords: 'Gov. Code § 7927.105 (formerly § 6267)',
  cpraDetermination: 'Gov. Code § 7922.535',
  cpraExtension: 'Gov. Code § 7922.535(b)',
  cpraDenialResponsiblePersons: 'Gov. Code § 7922.540',
  alaProcedure: 'ALA, Procedures for law enforcement requests (records specifically named only)',
} as const;
