/** The classes of record Custodian keeps, each on its own retention rule. */
export const RECORD_CLASSES = ['patron_records', 'documents', 'productions', 'letters', 'case_metadata', 'audit_events'] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

/** Days each class is kept after its case closed (audit events: after they were written), plus the city's schedule. */
export interface RetentionSettings {
  patronRecordsDays: number;
  documentsDays: number;
  productionsDays: number;
  lettersDays: number;
  caseMetadataDays: number;
  auditEventsDays: number;
  /** The city's records-retention schedule these values implement, cited on every certificate. */
  citySchedule: string;
}

export const DAYS_KEY: Record<RecordClass, keyof RetentionSettings> = {
  patron_records: 'patronRecordsDays', documents: 'documentsDays', productions: 'productionsDays', letters: 'lettersDays',
  case_metadata: 'caseMetadataDays', audit_events: 'auditEventsDays',
};

export interface RecordClassRule {
  recordClass: RecordClass;
  label: string;
  /** What starts the clock. */
  trigger: string;
  /** The least the law lets the setting be; null when only the city's schedule limits it. */
  minimumDays: number;
  citation: string;
  note: string;
}

const CITY_RECORDS = 'Gov. Code § 34090 (a city may destroy a record two years old, with the approval of the legislative body and the written consent of the city attorney)';

/** Every class with its default's reason. The defaults themselves are `defaultRetention()`. */
export const RECORD_CLASS_RULES: Readonly<Record<RecordClass, RecordClassRule>> = {
  patron_records: {
    recordClass: 'patron_records', label: 'Imported patron data (sealed ILS records)', trigger: 'case closed', minimumDays: 0,
    citation: 'Gov. Code § 7927.105 (patron use records are confidential); Gov. Code § 34090.7 (duplicates may be destroyed once no longer needed)',
    note: 'A copy of the library system\u2019s own records, imported only to answer the request: kept no longer than the case needs it.',
  },
  documents: { recordClass: 'documents', label: 'Attached documents (instrument scans, consents, correspondence)', trigger: 'case closed', minimumDays: 730, citation: CITY_RECORDS, note: 'The request itself and what came with it.' },
  productions: { recordClass: 'productions', label: 'Productions (the released PDF)', trigger: 'case closed', minimumDays: 730, citation: CITY_RECORDS, note: 'The record of what was disclosed; the manifest\u2019s counts stay with the case metadata.' },
  letters: { recordClass: 'letters', label: 'Letters (denials, cure and extension notices)', trigger: 'case closed', minimumDays: 730, citation: `${CITY_RECORDS}; Gov. Code § 7922.540 (written denials)`, note: 'Correspondence sent for the case.' },
  case_metadata: {
    recordClass: 'case_metadata', label: 'Case metadata (the case, its review, decision, clocks and holds)', trigger: 'case closed', minimumDays: 730,
    citation: CITY_RECORDS, note: 'Kept longest: transparency reports are built from it. Purged last, after every other class of the case.',
  },
  audit_events: {
    recordClass: 'audit_events', label: 'Audit events (hash-chained log)', trigger: 'event written', minimumDays: 365,
    citation: 'CJIS Security Policy § 5.4.7 (audit records retained at least one year)',
    note: 'A minimum: the chain is append-only and verified from its first event, so purges never delete audit events.',
  },
};

/** The defaults; imported patron data follows the deployment's PURGE_AFTER_DAYS until an admin sets it. */
export function defaultRetention(purgeAfterDays = 365): RetentionSettings {
  return {
    patronRecordsDays: purgeAfterDays,
    documentsDays: 730,
    productionsDays: 730,
    lettersDays: 730,
    caseMetadataDays: 1825,
    auditEventsDays: 1095,
    citySchedule: 'City records-retention schedule: set the item numbers adopted by council resolution',
  };
}

export function validateRetentionSettings(settings: RetentionSettings): string[] {
  const problems: string[] = [];
  for (const recordClass of RECORD_CLASSES) {
    const key = DAYS_KEY[recordClass];
    const days = settings[key] as number;
    const rule = RECORD_CLASS_RULES[recordClass];
    if (!Number.isInteger(days) || days < rule.minimumDays || days > 36500) problems.push(`${key}: must be a whole number of days from ${rule.minimumDays} (${rule.citation.split(' (')[0]}) to 36500`);
  }
  const longestOther = Math.max(settings.patronRecordsDays, settings.documentsDays, settings.productionsDays, settings.lettersDays);
  if (Number.isInteger(settings.caseMetadataDays) && settings.caseMetadataDays < longestOther) problems.push('caseMetadataDays: must be at least as long as every other class of a case (the case is purged last)');
  if (typeof settings.citySchedule !== 'string' || settings.citySchedule.trim().length < 3 || settings.citySchedule.length > 300) problems.push('citySchedule: must be text of 3 to 300 characters');
  return problems;
}
