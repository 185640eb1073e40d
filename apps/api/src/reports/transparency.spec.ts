import { transparencyRows } from './transparency';

describe('transparency report', () => {
  it('counts outcomes per request type', () => {
    const rows = transparencyRows([
      { requestType: 'court_order', status: 'fulfilled', decision: 'approve', patrons: 2 },
      { requestType: 'court_order', status: 'denied', decision: 'deny', patrons: 1 },
      { requestType: 'court_order', status: 'withdrawn', decision: null, patrons: 1 },
    ]);
    expect(rows.find((r) => r.requestType === 'court_order')).toMatchObject({ received: 3, produced: 1, denied: 1, withdrawn: 1, pending: 0, patronsAffected: 2, percentWithDataProduced: 33.3 });
  });
  it('reports national-security process only in bands', () => {
    const rows = transparencyRows([{ requestType: 'national_security_letter', status: 'denied', decision: 'deny', patrons: 1 }]);
    expect(rows.find((r) => r.requestType === 'national_security_letter')).toMatchObject({ received: { band: '0-499' }, denied: { band: '0-499' }, percentWithDataProduced: null });
  });
});
