import { reminderEmail } from './reminder-email';

describe('reminder e-mails', () => {
  it('say the case number and the link, and nothing else about the case', () => {
    const mail = reminderEmail('due_soon', '2026-0042', 'https://custodian.example.gov/cases/abc');
    expect(mail.subject).toBe('[Custodian] Deadline coming up: case 2026-0042');
    expect(mail.text).toContain('A deadline on case 2026-0042 is coming up.');
    expect(mail.text).toContain('https://custodian.example.gov/cases/abc');
  });

  it('words every kind the worker creates, and an unknown kind safely', () => {
    for (const kind of ['due_soon', 'overdue', 'assigned', 'gag_lapsed', 'production_failed']) expect(reminderEmail(kind, '1', 'l').subject).not.toMatch(/Something/);
    expect(reminderEmail('new_kind', '2026-0001', 'l').subject).toBe('[Custodian] Something needs your attention: case 2026-0001');
  });
});
