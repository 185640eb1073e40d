import { longDate } from '../text/long-date';

/** The deadlines a cure letter may speak of: clock name and due date, as the case holds them. */
export interface CureClockFacts {
  requestType: string;
  deadlines: readonly { clock: string; dueDate: string | null; status: string }[];
  /** Clocks the settings stop while the case waits in needs_info (counsel setting; statutory clocks by default do not). */
  pausableClocks: readonly string[];
}

/**
 * What the requester's clock does while the library waits for a cure, stated truthfully per request type:
 * the CPRA determination does not stop (Gov. Code § 7922.535 has no tolling); a subpoena's, order's or
 * warrant's own date still binds; only the library's internal targets stand still.
 */
export function cureClockStatement(facts: CureClockFacts): string {
  const due = (clock: string) => facts.deadlines.find((d) => d.clock === clock && d.dueDate)?.dueDate ?? null;
  const cpra = due('cpra_determination');
  if (facts.requestType === 'public_records') {
    if (facts.pausableClocks.includes('cpra_determination')) return 'On counsel\'s advice the Library treats the time for its determination as stopped until you reply (Gov. Code § 7922.535).';
    return `This request does not stop the time for the Library's determination under Gov. Code § 7922.535${cpra ? `, which remains due by ${longDate(cpra)}` : ''}; the Library will decide on what it has if nothing arrives in time.`;
  }
  const compliance = due('instrument_compliance');
  if (compliance) return `The date stated in your ${instrumentWord(facts.requestType)}, ${longDate(compliance)}, is not changed by this letter.`;
  const warrant = due('search_warrant_expiry') ?? due('federal_warrant_expiry');
  if (warrant) return `This letter does not extend the warrant, which must be executed by ${longDate(warrant)} (${facts.requestType === 'search_warrant' ? 'Penal Code § 1534(a)' : 'Fed. R. Crim. P. 41(e)(2)(A)(i)'}).`;
  return "Until then the Library's review of your request is on hold.";
}

function instrumentWord(type: string): string {
  if (type.includes('subpoena') || type === 'sca_2703_process') return 'subpoena';
  if (type.includes('warrant')) return 'warrant';
  return 'order';
}
