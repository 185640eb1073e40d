import { cityCalendar } from './calendars';
import { computeDeadline } from './compute-deadline';
import { TEST_RULE, deadlineInput } from './spec-fixtures.test';

/*
 * A clock that does not move may end on a day closed for more than one reason; the working names each. Sat 2026-11-28
 * is a Saturday (Code Civ. Proc. § 12a) and here also a one-off city closure (§ 12b).
 */
describe('explainSteps: a last day closed for two reasons', () => {
  it('lists both reasons, each in full', () => {
    const calendar = cityCalendar(undefined, [{ date: '2026-11-28', name: 'Inventory' }]);
    const result = computeDeadline(deadlineInput({ rule: { ...TEST_RULE, kind: 'expires' }, start: '2026-11-27', days: 1, rollForwardPastHolidays: false, calendar }));
    expect(result.dueDate).toBe('2026-11-28');
    expect(result.explanation.steps).toContain('Sat 2026-11-28 is closed (Saturday; city closed: Inventory (Code Civ. Proc. § 12b)), but this clock does not move for weekends or holidays.');
  });
});
