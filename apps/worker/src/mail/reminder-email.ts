/** What a notification kind is called in an e-mail subject and first line. */
const KIND: Record<string, { subject: string; line: string }> = {
  due_soon: { subject: 'Deadline coming up', line: 'A deadline on case {case} is coming up.' },
  overdue: { subject: 'Deadline missed', line: 'A deadline on case {case} has passed and the case needs attention.' },
  assigned: { subject: 'Case assigned to you', line: 'Case {case} was assigned to you.' },
  gag_lapsed: { subject: 'Nondisclosure order lapsed', line: 'The nondisclosure order on case {case} has lapsed.' },
  production_failed: { subject: 'Production stopped', line: 'The production for case {case} was stopped and needs a person.' },
};

export interface ReminderEmail {
  subject: string;
  text: string;
}

/**
 * The e-mail for one notification. It is built from the kind, the case number and a link only, never from the
 * notification's text or the case: mail leaves the library's systems, so it carries no requester, patron,
 * instrument or deadline detail. The reader signs in to see the rest.
 */
export function reminderEmail(kind: string, caseNumber: string | null, link: string): ReminderEmail {
  const wording = KIND[kind] ?? { subject: 'Something needs your attention', line: 'Something on case {case} needs your attention.' };
  const caseText = caseNumber ?? '(no case)';
  return {
    subject: `[Custodian] ${wording.subject}: case ${caseText}`,
    text: [
      wording.line.replace('{case}', caseText),
      '',
      `Open it in Custodian (sign-in required): ${link}`,
      '',
      'You receive these e-mails because e-mail reminders are turned on for your account. Turn them off under Notifications in Custodian.',
    ].join('\n'),
  };
}
