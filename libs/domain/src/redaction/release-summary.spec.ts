import fc from 'fast-check';
import { DEFAULT_REDACTION_POLICY } from './field-policy';
import { REDACTION_REASONS } from './reason-codes';
import { isWithheldField, redactRecord } from './redact-record';
import { releaseSummary } from './release-summary';
import { caseArbitrary } from './testing/case-arbitraries';

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

describe('releaseSummary: withheld columns per record type', () => {
  const codesOf = (part: { withheldFields: { code: string; fields: string[] }[] }) => Object.fromEntries(part.withheldFields.map((w) => [w.code, w.fields]));

  it('lists for searches only the search history’s withheld columns, alphabetically', () => {
    const [searches] = releaseSummary({ ...scope, recordTypes: ['searches'] }, DEFAULT_REDACTION_POLICY, {});
    // Koha's search_history: the row id, the session and the borrowernumber are internal; query_cgi repeats the query.
    expect(codesOf(searches)).toEqual({ INTERNAL_IDENTIFIER: ['id', 'sessionid', 'userid'], NOT_REQUESTED_FIELD: ['query_cgi'] });
    expect(searches.withheldFields.find((w) => w.code === 'NOT_REQUESTED_FIELD')).toMatchObject({ label: REDACTION_REASONS.NOT_REQUESTED_FIELD.label, basis: REDACTION_REASONS.NOT_REQUESTED_FIELD.basis });
  });

  it('lists no columns for a record type it does not release, and says why with the basis', () => {
    const fines = releaseSummary(scope, DEFAULT_REDACTION_POLICY, { fines: 3 }).find((p) => p.recordType === 'fines');
    expect(fines).toEqual({
      recordType: 'fines', rowsImported: 3, released: false, withheldFields: [],
      withheldBecause: { code: 'RECORD_TYPE_NOT_REQUESTED', label: REDACTION_REASONS.RECORD_TYPE_NOT_REQUESTED.label, basis: REDACTION_REASONS.RECORD_TYPE_NOT_REQUESTED.basis },
    });
  });
});

describe('releaseSummary and the redaction read the same consent to contact details', () => {
  // The director approves what the summary says; the production is what the redaction does. Both read the scope's
  // includeContactDetails (fieldRuleReason): a second flag for either would make them disagree here.
  it('withholds as "contact not requested" exactly the columns the summary lists, and releases them when it lists none', () => {
    fc.assert(
      fc.property(caseArbitrary({ maxPatrons: 2, maxRowsPerType: 2 }), ({ scope, options, records }) => {
        const summary = new Map(releaseSummary(scope, DEFAULT_REDACTION_POLICY, {}).map((part) => [part.recordType, part]));
        for (const record of records) {
          const redaction = redactRecord(record, scope, options);
          if (redaction.outcome !== 'produced') continue;
          const listed = summary.get(record.recordType)?.withheldFields.find((w) => w.code === 'CONTACT_NOT_REQUESTED')?.fields ?? [];
          const withheld = redaction.item.fields.filter((field) => isWithheldField(field) && field.withheld === 'CONTACT_NOT_REQUESTED').map(({ field }) => field);
          const contactColumns = Object.keys(record.fields).filter((field) => DEFAULT_REDACTION_POLICY.tables[record.sourceTable]?.fields[field] === 'contact');
          expect(withheld.sort()).toEqual(listed.filter((field) => record.fields[field] !== null && record.fields[field] !== undefined).sort());
          expect(withheld.sort()).toEqual(scope.includeContactDetails ? [] : contactColumns.sort());
        }
      }),
      { numRuns: 200 },
    );
  });
});
