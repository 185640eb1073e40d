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
}

export interface NeedsInfoLetterInput extends LetterBase {
  defects: readonly { description: string; citation?: string }[];
  /** ISO date by which the defects must be cured. */
  cureBy: string;
  /** The response clock is paused until the cure (default true). */
  clockPaused?: boolean;
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
}

export interface LetterResult {
  reference: string;
  pages: number;
  sha256: string;
  bytes: number;
}
