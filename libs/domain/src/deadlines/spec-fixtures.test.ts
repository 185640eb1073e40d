import type { DeadlineInput, DeadlineRuleMeta } from './deadline-types';
import { courtCalendar } from './calendars';

/** Shared by the deadline specs (the .test.ts name keeps it out of the build; it holds no tests). */
export const TEST_RULE: DeadlineRuleMeta = {
  clock: 'test_clock',
  label: 'Test clock',
  citation: 'Test § 1',
  kind: 'respond_by',
  startsFrom: 'receipt of the request',
};

/** The court calendar (Code Civ. Proc. § 135 with the courts' Friday/Monday observances). */
export const CALIFORNIA = courtCalendar();

export function deadlineInput(overrides: Partial<DeadlineInput> & Pick<DeadlineInput, 'start' | 'days'>): DeadlineInput {
  return { rule: TEST_RULE, counting: 'calendar', calendar: CALIFORNIA, ...overrides };
}
