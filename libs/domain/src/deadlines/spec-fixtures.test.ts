import type { DeadlineInput, DeadlineRuleMeta } from './deadline-types';
import { HolidayCalendar } from './holiday-calendar';

/** Shared by the deadline specs (the .test.ts name keeps it out of the build; it holds no tests). */
export const TEST_RULE: DeadlineRuleMeta = {
  clock: 'test_clock',
  label: 'Test clock',
  citation: 'Test § 1',
  kind: 'respond_by',
  startsFrom: 'receipt of the request',
};

export const CALIFORNIA = new HolidayCalendar();

export function deadlineInput(overrides: Partial<DeadlineInput> & Pick<DeadlineInput, 'start' | 'days'>): DeadlineInput {
  return { rule: TEST_RULE, counting: 'calendar', calendar: CALIFORNIA, ...overrides };
}
