import type { CaseScope, ItemCounts, RecordType, RedactionPolicy, ResponsiveRecord, WithholdingSummaryEntry } from '@custodian/domain';

/** A person named on a production or letter: the name and title print as given. */
export interface NamedOfficial {
  displayName: string;
  title: string;
}

/** Everything about a production except its records; structured-cloneable, so it can be posted to a worker. */
export interface ProductionHeader {
  caseNumber: string;
  /** e.g. REQUEST_TYPE_LABELS[requestType]: "Superior court order". */
  requestTypeLabel: string;
  requester: { name: string; agency?: string | null };
  /** e.g. "Order of the Superior Court of California, County of Riverside, No. CR-2026-0411, issued 1 March 2026". */
  instrumentSummary: string;
  /** The authority for disclosure, e.g. { text: 'order of the superior court', citation: 'Gov. Code § 7927.105 (formerly § 6267)' }. */
  authority: { text: string; citation: string };
  approvedBy: NamedOfficial;
  /** ISO date or date-time. */
  approvedAt: string;
  reviewedBy: NamedOfficial;
  /** The approved, possibly narrowed, scope; whether contact details are released is its `includeContactDetails`. */
  scope: CaseScope;
  /** The scope the request asked for; when the approved one is narrower, the declaration says only part is produced (Evid. Code § 1561(b)). */
  requestedScope?: CaseScope;
  redactionPolicy?: RedactionPolicy;
  /** e.g. "PDL". */
  batesPrefix: string;
  /** First Bates sequence number; default 1. */
  batesStart?: number;
  /** ISO date-time; also the PDF creation date, so the same input renders the same bytes. */
  generatedAt: string;
  /** Printed at the head of the cover letter when given. */
  libraryName?: string;
  /**
   * When given, a custodian of records declaration (Evid. Code §§ 1561, 1562) precedes the manifest: for
   * subpoenas and court orders. `criminal` adds the sealed delivery of Evid. Code § 1560(b) / Penal Code § 1326(b).
   */
  declaration?: CustodianDeclaration;
  /** Number of records the source will yield, when known: progress then carries a percentage. */
  expectedRecords?: number;
}

export interface CustodianDeclaration {
  custodian: NamedOfficial;
  /** Place of signing, e.g. "Palm Desert, California". */
  place: string;
  /** ISO date of signing. */
  date: string;
  criminal: boolean;
}

export interface ProductionInput extends ProductionHeader {
  /** Read once, in order, as they arrive; never collected. Order them by record type for one table per type. */
  records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>;
}

export interface ProductionProgress {
  phase: 'records' | 'withholding-log' | 'declaration' | 'manifest' | 'finished';
  recordsRead: number;
  pages: number;
  /** 0-100 when `expectedRecords` was given. */
  percent: number | null;
}

export type ProgressListener = (progress: ProductionProgress) => void;

export interface ProductionResult {
  pages: number;
  batesFirst: string;
  batesLast: string;
  items: Partial<Record<RecordType, ItemCounts>>;
  /** Aggregated per kind of withholding; entries with describedInProduction false are for the case file only. */
  withholdingLog: WithholdingSummaryEntry[];
  /** SHA-256 (hex) of exactly the bytes written to the output. */
  sha256: string;
  bytes: number;
  /** Characters no embedded font could draw, printed as "?" (also stated on the manifest page). */
  missingGlyphs: number;
  /** The production's own wording (letter, headings, labels); pass with the produced values to verifyProduction. */
  ownWording: string[];
}
