import { resolveDeadlineSettings } from './deadline-settings';
import { CPRA_EXTENSION_GROUND_KEYS, CpraExtensionRequest, checkCpraExtension, cpraExtensionNoticeDueBy } from './cpra-extension';

/*
 * Gov. Code § 7922.535(b), (c) as domain.md § 9 states it: one extension, written notice within the 10 days (the
 * last of them included, moved past a closed last day like the determination itself), at most 14 days, on one of
 * the grounds of (c)(1)-(5), with reasons, from the head of the agency or a designee.
 */
const request = (overrides: Partial<CpraExtensionRequest> = {}): CpraExtensionRequest => ({
  clockStart: '2026-05-13',
  grantedAt: '2026-05-20',
  days: 14,
  ground: 'voluminous_records',
  detail: 'Twelve branches hold paper sign-in sheets to search.',
  signer: { isHeadOfAgency: true, isRecordedDesignee: false },
  alreadyExtended: false,
  ...overrides,
});

describe('checkCpraExtension: the last day', () => {
  it('allows notice on the tenth day itself (the issue-15 survivor: the last day was treated as late)', () => {
    // Received Wed 2026-05-13: day 10 is Sat 05-23, closed, then Sun and Memorial Day Mon 05-25: due Tue 05-26.
    expect(cpraExtensionNoticeDueBy('2026-05-13')).toBe('2026-05-26');
    expect(checkCpraExtension(request({ grantedAt: '2026-05-26T16:59:00-07:00' }))).toEqual({
      allowed: true, noticeDueBy: '2026-05-26', grantedOn: '2026-05-26', dayOfPeriod: 13, citation: 'Gov. Code § 7922.535(b), (c)',
    });
    expect(checkCpraExtension(request({ grantedAt: '2026-05-27' }))).toMatchObject({ allowed: false, code: 'TOO_LATE', field: 'grantedAt', noticeDueBy: '2026-05-26' });
  });

  it('moves the last day past Thanksgiving and the city’s closure the day after, as the determination moves', () => {
    // Received Mon 2026-11-16 → day 10 Thanksgiving → Fri 11-27 (closed) → weekend → Mon 11-30 (domain.md § 8).
    expect(cpraExtensionNoticeDueBy('2026-11-16')).toBe('2026-11-30');
    expect(checkCpraExtension(request({ clockStart: '2026-11-16', grantedAt: '2026-11-30' })).allowed).toBe(true);
    expect(checkCpraExtension(request({ clockStart: '2026-11-16', grantedAt: '2026-12-01' }))).toMatchObject({
      code: 'TOO_LATE',
      message: 'The extension notice had to be given within the 10 days, by 2026-11-30 (Gov. Code § 7922.535(b)); today is 2026-12-01.',
    });
  });

  it('judges the day by the library’s local date: 23:30 in Los Angeles is still that day', () => {
    expect(checkCpraExtension(request({ clockStart: '2026-11-16', grantedAt: '2026-12-01T07:30:00Z' })).allowed).toBe(true);
    expect(checkCpraExtension(request({ clockStart: '2026-11-16', grantedAt: '2026-12-01T08:30:00Z' })).allowed).toBe(false);
    const eastern = resolveDeadlineSettings({ timeZone: 'America/New_York' });
    expect(checkCpraExtension(request({ clockStart: '2026-11-16', grantedAt: '2026-12-01T07:30:00Z' }), eastern).allowed).toBe(false);
  });

  it('starts the period on the local date of receipt in the settings’ zone', () => {
    // 05:00 UTC on 13 May is 12 May, 22:00 in Los Angeles (day 10 Fri 05-22) and 13 May, 01:00 in New York (Tue 05-26).
    expect(cpraExtensionNoticeDueBy('2026-05-13T05:00:00Z')).toBe('2026-05-22');
    expect(cpraExtensionNoticeDueBy('2026-05-13T05:00:00Z', resolveDeadlineSettings({ timeZone: 'America/New_York' }))).toBe('2026-05-26');
    expect(checkCpraExtension(request({ clockStart: '2026-05-13T05:00:00Z', grantedAt: '2026-05-14T05:00:00Z' }))).toMatchObject({ allowed: true, dayOfPeriod: 1 });
  });

  it('follows a shorter determination period set by the city', () => {
    const seven = resolveDeadlineSettings({ cpraDeterminationDays: 7 });
    expect(cpraExtensionNoticeDueBy('2026-05-13', seven)).toBe('2026-05-20');
    expect(checkCpraExtension(request({ grantedAt: '2026-05-21' }), seven)).toMatchObject({ code: 'TOO_LATE', noticeDueBy: '2026-05-20' });
  });

  it('counts the day of the period the notice was given on, the start being day 0', () => {
    expect(checkCpraExtension(request({ grantedAt: '2026-05-13' }))).toMatchObject({ allowed: true, dayOfPeriod: 0 });
    expect(checkCpraExtension(request({ grantedAt: '2026-05-14T00:05:00-07:00' }))).toMatchObject({ allowed: true, dayOfPeriod: 1 });
  });
});

describe('checkCpraExtension: the rest of § 7922.535(b)', () => {
  it('allows one extension only, checked before anything else', () => {
    expect(checkCpraExtension(request({ alreadyExtended: true, grantedAt: '2026-06-30', days: 99 }))).toEqual({
      allowed: false, code: 'ALREADY_EXTENDED', field: 'days', message: 'The determination was already extended once; § 7922.535(b) allows one extension.', noticeDueBy: '2026-05-26', citation: 'Gov. Code § 7922.535(b), (c)',
    });
  });

  it('refuses lateness before length: a late notice is late whatever it asks for', () => {
    expect(checkCpraExtension(request({ grantedAt: '2026-06-30', days: 99 }))).toMatchObject({ code: 'TOO_LATE' });
  });

  it('takes 1 to 14 whole days (or the city’s shorter maximum)', () => {
    for (const days of [1, 7, 14]) expect(checkCpraExtension(request({ days })).allowed).toBe(true);
    for (const days of [0, -1, 15, 2.5]) {
      expect(checkCpraExtension(request({ days }))).toMatchObject({ allowed: false, code: 'TOO_LONG', field: 'days', message: 'An extension is 1 to 14 days (Gov. Code § 7922.535(b)).' });
    }
    const seven = resolveDeadlineSettings({ cpraMaxExtensionDays: 7 });
    expect(checkCpraExtension(request({ days: 7 }), seven).allowed).toBe(true);
    expect(checkCpraExtension(request({ days: 8 }), seven)).toMatchObject({ code: 'TOO_LONG', message: 'An extension is 1 to 7 days (Gov. Code § 7922.535(b)).' });
  });

  it('takes only the statute’s grounds, never a name every object has', () => {
    for (const ground of ['staff_on_holiday', 'toString', 'constructor', '']) {
      expect(checkCpraExtension(request({ ground }))).toMatchObject({
        allowed: false, code: 'NOT_A_STATUTORY_GROUND', field: 'ground',
        message: `Only the unusual circumstances of Gov. Code § 7922.535(c) allow an extension: one of ${CPRA_EXTENSION_GROUND_KEYS.join(', ')}.`,
      });
    }
    expect(CPRA_EXTENSION_GROUND_KEYS).toEqual(['field_facilities', 'voluminous_records', 'consultation', 'data_compilation', 'fifth_statutory_ground']);
  });

  it('needs the reasons in at least 10 characters of text', () => {
    expect(checkCpraExtension(request({ detail: '0123456789' })).allowed).toBe(true);
    for (const detail of ['012345678', '   012345678   ', undefined as never]) {
      expect(checkCpraExtension(request({ detail }))).toMatchObject({
        allowed: false, code: 'DETAIL_MISSING', field: 'detail', message: 'Say how the ground applies to this request (at least 10 characters); the notice states the reasons.',
      });
    }
  });

  it('needs the head of the agency or a recorded designee to sign', () => {
    expect(checkCpraExtension(request({ signer: { isHeadOfAgency: true, isRecordedDesignee: true } })).allowed).toBe(true);
    expect(checkCpraExtension(request({ signer: { isHeadOfAgency: false, isRecordedDesignee: true } })).allowed).toBe(true);
    expect(checkCpraExtension(request({ signer: { isHeadOfAgency: false, isRecordedDesignee: false } }))).toMatchObject({
      allowed: false, code: 'SIGNER_NOT_AUTHORISED', field: 'signer', message: 'The notice comes from the head of the agency or a designee recorded on the case (Gov. Code § 7922.535(b)).',
    });
  });
});
