import type { CaseDetail, Channel, CreateCaseBody, RecordType, RequestType, Verification } from '../../api/schema';
import { aliasLines, parseAliasLines } from '../../lib/patron-aliases';
import { libraryLocalToIso, toLibraryLocal } from '../../lib/pacific-time';
import { INSTRUMENT_FIELDS, InstrumentField, RequesterExtra, TYPE_FIELDS } from './request-type-fields';

/** The intake form as the person types it: strings throughout, so nothing typed is ever coerced away. */
export interface CaseFormState {
  requestType: RequestType | '';
  receivedAt: string;
  channel: Channel;
  requester: { name: string; agency: string; email: string; phone: string; address: string; badgeNumber: string; barNumber: string; verification: Verification | ''; verificationNote: string };
  instrument: Record<InstrumentField, string>;
  /** `aliases`: one "card number = alias" a line (lib/patron-aliases.ts). */
  scope: { cardNumbers: string; from: string; to: string; recordTypes: RecordType[]; includeContactDetails: boolean; aliases: string };
  nondisclosureUntil: string;
  emergency: boolean;
  summary: string;
}

export function emptyCaseForm(now = new Date()): CaseFormState {
  return {
    requestType: '',
    receivedAt: toLibraryLocal(now),
    channel: 'in_person',
    requester: { name: '', agency: '', email: '', phone: '', address: '', badgeNumber: '', barNumber: '', verification: '', verificationNote: '' },
    instrument: Object.fromEntries(INSTRUMENT_FIELDS.map((f) => [f, ''])) as Record<InstrumentField, string>,
    scope: { cardNumbers: '', from: '', to: '', recordTypes: [], includeContactDetails: false, aliases: '' },
    nondisclosureUntil: '',
    emergency: false,
    summary: '',
  };
}

export function caseFormFrom(c: CaseDetail): CaseFormState {
  const empty = emptyCaseForm();
  const text = (v: string | null | undefined) => v ?? '';
  return {
    requestType: c.requestType,
    receivedAt: toLibraryLocal(c.receivedAt),
    channel: c.channel,
    requester: {
      name: c.requester.name, agency: text(c.requester.agency), email: text(c.requester.email), phone: text(c.requester.phone), address: text(c.requester.address),
      badgeNumber: text(c.requester.badgeNumber), barNumber: text(c.requester.barNumber), verification: c.requester.verification, verificationNote: text(c.requester.verificationNote),
    },
    instrument: { ...empty.instrument, ...Object.fromEntries(INSTRUMENT_FIELDS.map((f) => [f, text(c.instrument[f])])) },
    scope: { cardNumbers: c.scope.cardNumbers.join('\n'), from: c.scope.from, to: c.scope.to, recordTypes: c.scope.recordTypes, includeContactDetails: !!c.scope.includeContactDetails, aliases: aliasLines(c.scope.aliases) },
    nondisclosureUntil: text(c.nondisclosureUntil),
    emergency: c.emergency,
    summary: c.summary ?? '',
  };
}

/** Card numbers typed one per line, or separated by commas or spaces. */
export function splitCardNumbers(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

function compact<T extends Record<string, string>>(values: T, keep: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => keep.includes(k) && v.trim() !== '').map(([k, v]) => [k, v.trim()])) as Partial<T>;
}

/**
 * The body of POST /api/cases (and PATCH). Only the fields shown for the request type are sent; blanks
 * are left out. Values typed into fields of another type stay in the form state if the type changes back.
 */
export function caseBody(s: CaseFormState): CreateCaseBody {
  const fields = s.requestType ? TYPE_FIELDS[s.requestType] : null;
  const requesterExtras = Object.keys(fields?.requester ?? {}) as RequesterExtra[];
  const { verification, ...requesterText } = s.requester;
  // Lines that cannot be read are refused by formatProblems before anything is sent.
  const { aliases } = parseAliasLines(s.scope.aliases);
  return {
    // A blank type never gets here: intakeProblems refuses it before anything is sent.
    requestType: s.requestType as RequestType,
    receivedAt: libraryLocalToIso(s.receivedAt),
    channel: s.channel,
    requester: {
      ...compact(requesterText, ['name', 'email', 'phone', 'address', 'verificationNote', ...requesterExtras]),
      name: s.requester.name.trim(),
      // Blank is refused by intakeProblems, like the type.
      verification: verification as Verification,
    },
    instrument: compact(s.instrument, Object.keys(fields?.instrument ?? {})),
    scope: {
      cardNumbers: splitCardNumbers(s.scope.cardNumbers),
      from: s.scope.from,
      to: s.scope.to,
      recordTypes: s.scope.recordTypes,
      ...(s.scope.includeContactDetails ? { includeContactDetails: true } : {}),
      ...(aliases.length ? { aliases } : {}),
    },
    nondisclosureUntil: s.nondisclosureUntil || null,
    emergency: s.emergency || s.requestType === 'emergency',
    summary: s.summary.trim(),
  };
}

/** Blank required fields, named as the API names them; format checks are left to the server. */
export function blankRequiredFields(s: CaseFormState): Record<string, string[]> {
  const problems: [string, boolean, string][] = [
    ['requestType', !s.requestType, 'Choose the kind of request.'],
    ['receivedAt', !s.receivedAt, 'Enter when the request was received.'],
    ['requester.name', !s.requester.name.trim(), "Enter the requester's name."],
    ['requester.verification', !s.requester.verification, "Say how the requester's identity was checked (or that it was not)."],
    ['scope.cardNumbers', splitCardNumbers(s.scope.cardNumbers).length === 0, 'Enter at least one library card number.'],
    ['scope.from', !s.scope.from, 'Enter the first date of the records asked for.'],
    ['scope.to', !s.scope.to, 'Enter the last date of the records asked for.'],
    ['scope.recordTypes', s.scope.recordTypes.length === 0, 'Tick at least one kind of record.'],
  ];
  return Object.fromEntries(problems.filter(([, blank]) => blank).map(([field, , message]) => [field, [message]]));
}

/**
 * A library card number as the server's rule has it (libs/domain card-number.ts): up to 32 letters, digits or dashes,
 * first and last a letter or digit, with at least one digit. Koha's sequential numbers ("42") are real card numbers.
 * The form splits on spaces, so the server's inner spaces never reach this check.
 */
const CARD_NUMBER = /^(?=.*\d)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
/** Enough of an e-mail address to catch typing slips; the server has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Values that are there but cannot be right, found before sending so that the person corrects everything in one
 * round together with the blanks: card numbers like "abc" or "12-", an e-mail without a domain, dates in the
 * wrong order.
 */
export function formatProblems(s: CaseFormState): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const badCards = splitCardNumbers(s.scope.cardNumbers).filter((card) => !CARD_NUMBER.test(card));
  if (badCards.length) {
    const list = badCards.slice(0, 5).map((c) => `“${c}”`).join(', ');
    problems['scope.cardNumbers'] = [`${badCards.length === 1 ? `${list} is not a library card number` : `${list} are not library card numbers`}: a card number has up to 32 letters, digits or dashes and at least one digit.`];
  }
  const typedAliases = parseAliasLines(s.scope.aliases);
  const cards = splitCardNumbers(s.scope.cardNumbers);
  const aliasProblems = [
    ...(typedAliases.unreadableLines.length ? [`Write each alias as “card number = alias” (line ${typedAliases.unreadableLines.join(', ')}).`] : []),
    ...(typedAliases.aliases.some((entry) => !cards.includes(entry.cardNumber)) ? ['Each alias must be for one of the card numbers above.'] : []),
  ];
  if (aliasProblems.length) problems['scope.aliases'] = aliasProblems;
  if (s.requester.email.trim() && !EMAIL.test(s.requester.email.trim())) problems['requester.email'] = ['Enter an e-mail address such as name@agency.gov, or leave it blank.'];
  if (s.scope.from && s.scope.to && s.scope.from > s.scope.to) problems['scope.to'] = ['The last date must be on or after the first date.'];
  const card = s.instrument.consentingCardNumber?.trim();
  if (s.requestType === 'patron_consent' && card && !CARD_NUMBER.test(card)) problems['instrument.consentingCardNumber'] = [`“${card}” is not a library card number: 5 to 32 letters, digits or dashes, including digits.`];
  return problems;
}

/** Every problem the browser can find, blanks and formats, merged per field: one round of corrections. */
export function intakeProblems(s: CaseFormState): Record<string, string[]> {
  const result: Record<string, string[]> = { ...blankRequiredFields(s) };
  for (const [field, messages] of Object.entries(formatProblems(s))) result[field] = [...(result[field] ?? []), ...messages];
  return result;
}
