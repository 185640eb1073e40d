import type { CaseEvent } from '../api/schema';
import { eventSentence, eventsCsv } from './event-sentences';

const base: CaseEvent = { seq: 1, at: '2026-11-20T18:15:00.000Z', actor: 'kim', actorName: 'Kim Clerk', action: 'case.submitted', objectType: 'case', objectId: 'c1', outcome: 'success', details: null };

describe('timeline sentences', () => {
  it('names the person and says what they did, without ids or JSON', () => {
    expect(eventSentence(base)).toBe('Kim Clerk submitted the intake for legal review.');
    const people = { a1: { displayName: 'Ravi Attorney', title: 'Deputy City Attorney' }, d1: { displayName: 'Maria Director', title: 'Director' } };
    const assigned = eventSentence({ ...base, actor: null, actorName: null, action: 'case.intake_completed', details: { assignedAttorneyId: 'a1', assignedDirectorId: 'd1', preservationHold: false } }, people);
    expect(assigned).toBe('The system completed intake and assigned Ravi Attorney (attorney) and Maria Director (director).');
    expect(assigned).not.toMatch(/a1|d1|\{/);
  });

  it('words counts and codes', () => {
    expect(eventSentence({ ...base, action: 'records.imported', details: { rows: 3, byType: { loans: 2, patron: 1 } } })).toBe('Kim Clerk imported 3 record rows (2 loans, 1 patron registration).');
    expect(eventSentence({ ...base, action: 'case.updated', details: { fields: ['requester', 'summary'] } })).toBe('Kim Clerk changed the intake: requester and summary.');
  });

  it('words the later actions: send-back, gag lift, previews, secure links, litigation holds', () => {
    const anonymous = { ...base, actor: null, actorName: null };
    expect(eventSentence({ ...base, action: 'case.sent_back', details: { reviewId: 'r1', reasonLength: 40 } })).toBe('Kim Clerk sent the review back for another legal review.');
    expect(eventSentence({ ...base, action: 'gag.lifted', details: { kind: 'court_order', liftedOn: '2026-11-30' } })).toMatch(/^Kim Clerk recorded that the gag was lifted by court order on .*2026\.$/);
    expect(eventSentence({ ...base, action: 'decision.previewed', details: { decision: 'deny' } })).toBe('Kim Clerk previewed the denial letter.');
    expect(eventSentence({ ...base, action: 'delivery.link_created', details: { document: 'production', maxDownloads: 2, expiresAt: '2026-12-03T20:00:00.000Z' } })).toMatch(/^Kim Clerk made a secure link to the production \(2 downloads, until .*\)\.$/);
    expect(eventSentence({ ...anonymous, action: 'delivery.downloaded', details: { download: 1, of: 2, sha256: 'ab', first: true } })).toBe('The holder of the link downloaded the file through a secure link (download 1 of 2).');
    expect(eventSentence({ ...anonymous, action: 'delivery.link_refused', outcome: 'denied', details: { reason: 'revoked' } })).toBe('Someone tried a secure link that is revoked (refused).');
    expect(eventSentence({ ...anonymous, action: 'delivery.link_refused', outcome: 'denied', details: { reason: 'revoked', count: 1 } })).toBe('Someone tried a secure link that is revoked (refused).');
    expect(eventSentence({ ...anonymous, action: 'delivery.link_refused', outcome: 'denied', details: { reason: 'wrong sha256', count: 7, summary: true } })).toBe("Someone acknowledged a secure link with a SHA-256 that is not the delivered file's (7 times more in the same window) (refused).");
    expect(eventSentence({ ...anonymous, action: 'delivery.acknowledged', details: { sha256: 'ab', downloads: 1 } })).toBe('The holder of the link acknowledged the file received through a secure link by its SHA-256.');
    expect(eventSentence({ ...base, action: 'legal_hold.placed' })).toBe('Kim Clerk placed a litigation hold.');
  });

  it('keeps an unknown action readable and marks a refusal', () => {
    expect(eventSentence({ ...base, action: 'case.something_new' })).toBe('Kim Clerk case something new.');
    expect(eventSentence({ ...base, action: 'access.denied', outcome: 'denied' })).toBe('Kim Clerk was refused an action on the case (refused).');
  });

  it('exports CSV with quoted cells and formulas neutralised', () => {
    const csv = eventsCsv([{ ...base, actor: '=cmd', details: { note: 'a "b"' } }]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('"seq","at","actor","action","outcome","description","details"');
    expect(row).toContain(`"'=cmd"`);
    expect(row).toContain('"{""note"":""a \\""b\\""""}"');
  });
});
