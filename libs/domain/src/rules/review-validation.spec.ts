import type { CaseScope } from '../scope';
import { DEFAULT_RULES } from './resolve-rules';
import type { ReviewSubmission } from './review-types';
import { validateReview } from './review-validation';

const SCOPE: CaseScope = { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'] };
const rule = DEFAULT_RULES.court_order;
const review = (patch: Record<string, unknown>): ReviewSubmission => ({ checklist: { judge_signature: true }, sufficiency: 'sufficient', recommendation: 'fulfil', reasons: ['RELEASE_COURT_ORDER'], ...patch }) as ReviewSubmission;
const problems = (patch: Record<string, unknown>) => validateReview(review(patch), rule);

describe('validateReview: input that cannot be accepted at all', () => {
  it('accepts a well-formed review, with or without a narrowed scope', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ scope: SCOPE })).toEqual([]);
    expect(problems({ scope: { ...SCOPE, from: '2026-02-01', to: '2026-02-01' } })).toEqual([]);
  });

  it('names a bad sufficiency or recommendation with the allowed values', () => {
    expect(problems({ sufficiency: 'maybe', recommendation: 'shrug' })).toEqual([
      { field: 'sufficiency', code: 'INVALID_VALUE', message: 'must be one of sufficient, insufficient, needs_info' },
      { field: 'recommendation', code: 'INVALID_VALUE', message: 'must be one of fulfil, partial, deny' },
    ]);
  });

  it('refuses checklist keys of another type and answers that are not yes or no', () => {
    expect(problems({ checklist: { signed_by_patron: true, judge_signature: 'yes' } })).toEqual([
      { field: 'checklist.signed_by_patron', code: 'UNKNOWN_CHECKLIST_KEY', message: `not a checklist item for Superior court order; expected one of ${rule.checklist.map((i) => i.key).join(', ')}` },
      { field: 'checklist.judge_signature', code: 'INVALID_CHECKLIST_VALUE', message: 'must be true or false' },
    ]);
  });

  it('points at the position of each unknown reason code', () => {
    expect(problems({ reasons: ['NOT_SIGNED', 'BECAUSE'] })).toEqual([{ field: 'reasons[1]', code: 'UNKNOWN_REASON_CODE', message: "'BECAUSE' is not a known reason code" }]);
  });

  it('treats a missing checklist or reason list as empty', () => {
    expect(problems({ checklist: undefined, reasons: undefined })).toEqual([]);
  });

  it.each([
    ['an empty card number', { cardNumbers: ['23000000012345', '  '] }, 'cardNumbers must be non-empty strings'],
    ['a card number that is not text', { cardNumbers: [23000000012345] }, 'cardNumbers must be non-empty strings'],
    ['no card list', { cardNumbers: '23000000012345' }, 'cardNumbers must be non-empty strings'],
    ['a date that is not a day', { from: '2026-1-1' }, 'from and to must be YYYY-MM-DD dates'],
    ['an end that is not a day', { to: 'February' }, 'from and to must be YYYY-MM-DD dates'],
    ['dates the wrong way round', { from: '2026-03-01', to: '2026-02-01' }, 'from (2026-03-01) is after to (2026-02-01)'],
    ['an unknown record type', { recordTypes: ['loans', 'diaries'] }, 'recordTypes must be drawn from patron, loans, holds, fines, searches, sessions'],
    ['no record type list', { recordTypes: 'loans' }, 'recordTypes must be drawn from patron, loans, holds, fines, searches, sessions'],
  ])('refuses a narrowed scope with %s', (_what, patch, message) => {
    expect(problems({ scope: { ...SCOPE, ...patch } })).toEqual([{ field: 'scope', code: 'INVALID_SCOPE', message }]);
  });
});
