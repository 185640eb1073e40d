import { NamedOfficial } from '../production/production-input';
import { Addressee } from './letter-parts';

/** What every letter carries. */
export interface LetterBase {
  caseNumber: string;
  /** The letter's own reference, printed on every page, e.g. "CUST-2026-0007/DEN-1". */
  reference: string;
  /** ISO date of the letter. */
  date: string;
  requester: Addressee;
  /** One line describing the request, e.g. "Request of March 2, 2026 for loan records (court order)". */
  requestSummary: string;
  signedBy: NamedOfficial;
  libraryName?: string;
}

export interface DenialLetterInput extends LetterBase {
  /** Opening statement of the decision; a default is used when absent. */
  decision?: string;
  reasons: readonly { text: string; citation: string }[];
  /** Each person responsible for the denial, by name and title (Gov. Code § 7922.540), e.g. director and reviewing attorney. */
  responsiblePersons: readonly (NamedOfficial & { role: string })[];
  /** A public-records (CPRA) request: only then is the denial made under Gov. Code § 7922.540. Default false. */
  publicRecordsRequest?: boolean;
}

/** The witness's answer to a subpoena it may not honour: a written objection, not a "denial". */
export interface ObjectionLetterInput extends LetterBase {
  /** 'state_civil': Code Civ. Proc. §§ 1985.3(k), 1987.1; 'federal_civil': Fed. R. Civ. P. 45(d)(2)(B); 'criminal': Penal Code § 1326. */
  process: 'state_civil' | 'federal_civil' | 'criminal';
  /** The compliance date named in the subpoena, when there is one. */
  complianceDate?: string | null;
  grounds: readonly { text: string; citation: string }[];
  /** Who objects for the library, by name and title. */
  responsiblePersons: readonly (NamedOfficial & { role: string })[];
}

export interface NeedsInfoLetterInput extends LetterBase {
  defects: readonly { description: string; citation?: string }[];
  /** ISO date by which the defects must be cured. */
  cureBy: string;
  /** The response clock is paused until the cure (default true). Ignored when `clockStatement` is given. */
  clockPaused?: boolean;
  /** What the requester's clock does meanwhile, stated truthfully for the request type (cureClockStatement). */
  clockStatement?: string;
  /** What happens if nothing arrives by `cureBy`, as counsel words it. */
  consequence?: string;
}

export interface ExtensionLetterInput extends LetterBase {
  /** ISO date the request was received. */
  receivedAt: string;
  /** ISO date the 10-day determination was due. */
  originalDueDate: string;
  /** ISO date by which the determination will be sent: at most 14 days after the original due date. */
  expectedDeterminationDate: string;
  /** The unusual circumstances, in words. */
  reasons: readonly string[];
  /** Days granted (at most 14); the expected date may fall later when its last day is a holiday (Code Civ. Proc. § 12a). */
  extensionDays?: number;
}

export interface LetterResult {
  reference: string;
  pages: number;
  sha256: string;
  bytes: number;
}
