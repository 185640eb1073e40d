import { blankRequiredFields, caseBody, emptyCaseForm, splitCardNumbers } from './case-form-model';

describe('intake form model', () => {
  const filled = () => {
    const form = emptyCaseForm(new Date('2026-03-02T16:05:00-08:00'));
    form.requestType = 'court_order';
    form.requester = { ...form.requester, name: ' Det. A. Ruiz ', agency: 'Palm Desert Police', email: '', verification: 'id_copied', barNumber: '  ' };
    form.instrument = { ...form.instrument, issuedBy: 'Superior Court', docketNumber: 'RIC1', issuedAt: '2026-03-01', consentingCardNumber: '2300' };
    form.scope = { cardNumbers: '2300001, 2300002\n2300001', from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'], includeContactDetails: false };
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
