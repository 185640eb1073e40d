import { RecordType } from './request-types';

/** What a case asks for, and after review what may be produced: named patrons, a date range, record types. */
export interface CaseScope {
  cardNumbers: string[];
  /** ISO date (YYYY-MM-DD), inclusive. */
  from: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  to: string;
  recordTypes: RecordType[];
  /** Produce patron contact details (address, e-mail, phone): only when the instrument names them. */
  includeContactDetails?: boolean;
}

/** True when `inner` asks for nothing beyond `outer`: a narrowed scope may only shrink the request. */
export function isWithinScope(inner: CaseScope, outer: CaseScope): boolean {
  return (
    inner.cardNumbers.every((c) => outer.cardNumbers.includes(c)) &&
    inner.recordTypes.every((t) => outer.recordTypes.includes(t)) &&
    inner.from >= outer.from &&
    inner.to <= outer.to &&
    (!inner.includeContactDetails || outer.includeContactDetails === true)
  );
}
