import { DEFAULT_REDACTION_POLICY } from './field-policy';
import { releaseSummary } from './release-summary';

const scope = { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron' as const, 'loans' as const] };

describe('releaseSummary: what the director approves', () => {
  it('releases the scope’s record types and says why the others are withheld', () => {
    const parts = releaseSummary(scope, DEFAULT_REDACTION_POLICY, { patron: 1, loans: 12, fines: 3 });
    expect(parts.map((p) => [p.recordType, p.released, p.rowsImported])).toEqual([['patron', true, 1], ['loans', true, 12], ['fines', false, 3]]);
    expect(parts[2].withheldBecause?.code).toBe('RECORD_TYPE_NOT_REQUESTED');
  });

  it('withholds contact details unless the scope includes them, and always the staff notes and internal ids', () => {
    const [patron] = releaseSummary(scope, DEFAULT_REDACTION_POLICY, {});
    const codes = patron.withheldFields.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['CONTACT_NOT_REQUESTED', 'STAFF_NOTE', 'INTERNAL_IDENTIFIER', 'PERSONAL_IDENTIFIER']));
    expect(patron.withheldFields.find((w) => w.code === 'PERSONAL_IDENTIFIER')?.fields).toContain('dateofbirth');
    const [withContact] = releaseSummary({ ...scope, includeContactDetails: true }, DEFAULT_REDACTION_POLICY, {});
    expect(withContact.withheldFields.map((w) => w.code)).not.toContain('CONTACT_NOT_REQUESTED');
  });

  it('never lists a produced column as withheld', () => {
    for (const part of releaseSummary({ ...scope, recordTypes: ['patron', 'loans', 'holds', 'fines', 'searches', 'sessions'] }, DEFAULT_REDACTION_POLICY, {})) {
      const withheld = part.withheldFields.flatMap((w) => w.fields);
      expect(withheld).not.toContain('cardnumber');
    }
  });
});
