import { blankRequiredFields, caseBody, emptyCaseForm, formatProblems, intakeProblems, splitCardNumbers } from './case-form-model';

describe('intake form model', () => {
  const filled = () => {
    const form = emptyCaseForm(new Date('2026-03-02T16:05:00-08:00'));
    form.requestType = 'court_order';
    form.requester = { ...form.requester, name: ' Det. A. Ruiz ', agency: 'Palm Desert Police', email: '', verification: 'id_copied', barNumber: '  ' };
    form.instrument = { ...form.instrument, issuedBy: 'Superior Court', docketNumber: 'RIC1', issuedAt: '2026-03-01', consentingCardNumber: '2300' };
    form.scope = { cardNumbers: '2300001, 2300002\n2300001', from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'], includeContactDetails: false, aliases: '' };
    return form;
  };

  it('sends the fields the request type shows, trimmed, without blanks, with the Pacific offset', () => {
    const body = caseBody(filled());
    expect(body.receivedAt).toBe('2026-03-02T16:05:00-08:00');
    expect(body.requester).toEqual({ name: 'Det. A. Ruiz', agency: 'Palm Desert Police', verification: 'id_copied' });
    // consentingCardNumber belongs to patron consent, not to a court order: kept in the form, not sent.
    expect(body.instrument).toEqual({ issuedBy: 'Superior Court', docketNumber: 'RIC1', issuedAt: '2026-03-01' });
    expect(body.scope).toEqual({ cardNumbers: ['2300001', '2300002'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'] });
    expect(body.nondisclosureUntil).toBeNull();
  });

  it('marks an emergency request as an emergency whatever the checkbox says', () => {
    const form = filled();
    form.requestType = 'emergency';
    expect(caseBody(form).emergency).toBe(true);
  });

  it('names every blank required field and nothing else', () => {
    expect(blankRequiredFields(filled())).toEqual({});
    expect(Object.keys(blankRequiredFields(emptyCaseForm()))).toEqual([
      'requestType', 'requester.name', 'requester.verification', 'scope.cardNumbers', 'scope.from', 'scope.to', 'scope.recordTypes',
    ]);
  });

  it('splits card numbers on lines, commas and spaces, once each', () => {
    expect(splitCardNumbers(' a1,b2;\n c3  a1 ')).toEqual(['a1', 'b2', 'c3']);
  });
});

describe('intake format checks, before anything is sent', () => {
  const form = () => {
    const f = emptyCaseForm(new Date('2026-03-02T16:05:00-08:00'));
    f.requestType = 'court_order';
    f.requester = { ...f.requester, name: 'Det. A. Ruiz', verification: 'id_copied' };
    f.scope = { cardNumbers: '23000000012345', from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'], includeContactDetails: false, aliases: '' };
    return f;
  };

  it('refuses "abc, 12-" as card numbers and names both, as the server would', () => {
    const f = form();
    f.scope.cardNumbers = 'abc, 12-';
    expect(formatProblems(f)['scope.cardNumbers']).toEqual(['“abc”, “12-” are not library card numbers: a card number has up to 32 letters, digits or dashes and at least one digit.']);
    expect(formatProblems(form())).toEqual({});
  });

  it('accepts the card numbers the server accepts: Koha sequential numbers, prefixes, 14-digit barcodes', () => {
    for (const card of ['1', '42', 'P0012345', 'LIB-12-3456', '23000000012345', 'B1234567X']) {
      const f = form();
      f.scope.cardNumbers = card;
      expect(formatProblems(f)).toEqual({});
    }
    const tooLong = form();
    tooLong.scope.cardNumbers = '1'.repeat(33);
    expect(Object.keys(formatProblems(tooLong))).toEqual(['scope.cardNumbers']);
  });

  it('catches a malformed e-mail and reversed dates in the same round as the blanks', () => {
    const f = form();
    f.requester.email = 'ruiz@pd';
    f.requester.name = '';
    f.scope.from = '2026-03-01';
    const problems = intakeProblems(f);
    expect(Object.keys(problems).sort()).toEqual(['requester.email', 'requester.name', 'scope.to']);
  });

  it('sends the aliases typed as "card number = alias", and refuses unreadable lines and aliases of patrons not listed', () => {
    const f = form();
    f.scope.aliases = '23000000012345 = Patron A';
    expect(caseBody(f).scope.aliases).toEqual([{ cardNumber: '23000000012345', alias: 'Patron A' }]);
    expect(formatProblems(f)).toEqual({});
    expect(caseBody(form()).scope).not.toHaveProperty('aliases');
    f.scope.aliases = 'Patron A\n23000000099999 = Patron B';
    expect(formatProblems(f)['scope.aliases']).toEqual(['Write each alias as “card number = alias” (line 1).', 'Each alias must be for one of the card numbers above.']);
  });
});

