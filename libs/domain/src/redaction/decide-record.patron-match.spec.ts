import fc from 'fast-check';
import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { decideRecord } from './decide-record';

// A patron is named by the whole card number, never by part of one: matching "2300000001234" against a scope
// naming "23000000012345" would produce another patron's records.
const scope: CaseScope = { cardNumbers: ['23000000012345', '29000000000001'], from: '2026-01-01', to: '2026-12-31', recordTypes: ['loans'] };
const loanOf = (cardNumber: string | null): ResponsiveRecord => ({ recordType: 'loans', sourceTable: 'old_issues', cardNumber, occurredAt: '2026-05-01T10:00:00', fields: {} });

describe('decideRecord names patrons by whole card numbers', () => {
  it.each(['2300000001234', '3000000012345', '230000000123456', '23000000012345 29000000000001', '2'])('withholds card %p, a part or extension of a named one', (card) => {
    expect(decideRecord(loanOf(card), scope)).toEqual({ decision: 'withhold', reason: 'PATRON_NOT_NAMED' });
  });

  it('produces each named card, and none other, on random card lists', () => {
    const card = fc.stringMatching(/^[0-9]{1,14}$/);
    fc.assert(
      fc.property(fc.uniqueArray(card, { minLength: 1, maxLength: 5 }), card, (named, candidate) => {
        const decision = decideRecord(loanOf(candidate), { ...scope, cardNumbers: named });
        expect(decision.decision === 'produce').toBe(named.includes(candidate));
      }),
    );
  });

  it('never produces a row without a card number (anonymised history)', () => {
    expect(decideRecord(loanOf(null), scope).decision).toBe('withhold');
    expect(decideRecord(loanOf('  '), scope).decision).toBe('withhold');
  });
});
