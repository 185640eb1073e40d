import { REDACTION_REASONS } from '../redaction/reason-codes';
import { CASE_REASON_CODES, REASON_CODES, isReasonCode, reasonCodesFor } from './reason-codes';

describe('reason codes', () => {
  it('all carry a label, a citation and a level', () => {
    for (const entry of Object.values(REASON_CODES)) {
      expect(entry.label).toBeTruthy();
      expect(entry.citation).toBeTruthy();
      expect(entry.levels.length).toBeGreaterThan(0);
    }
  });
  it('merge the redaction policy’s withholding codes without redefining any', () => {
    expect(Object.keys(CASE_REASON_CODES).filter((code) => code in REDACTION_REASONS)).toEqual([]);
    expect(Object.keys(REASON_CODES).sort()).toEqual([...Object.keys(CASE_REASON_CODES), ...Object.keys(REDACTION_REASONS)].sort());
    expect(REASON_CODES.STAFF_NOTE).toEqual({ label: REDACTION_REASONS.STAFF_NOTE.label, citation: REDACTION_REASONS.STAFF_NOTE.basis, levels: ['field'] });
  });
  it('can be listed by level', () => {
    expect(reasonCodesFor('field')).toEqual(expect.arrayContaining(['OTHER_PATRON', 'STAFF_NOTE', 'NOT_REQUESTED_FIELD']));
    expect(reasonCodesFor('record')).toContain('PATRON_NOT_NAMED');
    expect(reasonCodesFor('case')).toEqual(expect.arrayContaining(['NO_LEGAL_BASIS', 'WARRANT_EXPIRED', 'OUTSIDE_SCOPE']));
    expect(reasonCodesFor('case')).not.toContain('STAFF_NOTE');
  });
  it('cite their sources', () => {
    expect(REASON_CODES.WARRANT_EXPIRED.citation).toBe('Penal Code § 1534(a)');
    expect(REASON_CODES.NO_CONSUMER_NOTICE.citation).toMatch(/1985\.3/);
    expect(REASON_CODES.OBJECTION_PENDING.citation).toBe('Code Civ. Proc. § 1985.3(g)');
    expect(REASON_CODES.CPRA_EXEMPT_PATRON_RECORDS.citation).toBe('Gov. Code §§ 7927.100, 7927.105');
  });
  it('recognises only its own codes', () => {
    expect(isReasonCode('NO_LEGAL_BASIS')).toBe(true);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode(42)).toBe(false);
    // Not text, though it would be looked up as 'NO_LEGAL_BASIS'.
    expect(isReasonCode(['NO_LEGAL_BASIS'])).toBe(false);
  });
});
