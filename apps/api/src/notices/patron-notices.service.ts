import { Inject, Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, RuleViolationError, patronNoticeDecision } from '@custodian/cases';
import { AppConfig } from '@custodian/config';
import { REQUEST_TYPE_LABELS, ResponsiveRecord, csvLine, toLocalDate } from '@custodian/domain';
import { CaseEntity, DecisionEntity, PatronNoticeEntity, PatronRecordEntity, UserEntity } from '@custodian/persistence';
import { renderPatronNoticeLetter } from '@custodian/production';
import type { RecordCipher } from '@custodian/records';
import { CaseAccess } from '../cases/case-access.service';

export interface NoticeAddress {
  number: number;
  name: string;
  lines: string[];
  email: string | null;
}

const by = (actor: Actor) => ({ id: actor.id, username: actor.username });
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/**
 * Letters telling each patron their records were sought, and the mail-merge CSV. Both are made in memory from the
 * sealed borrowers rows and streamed out: never written to disk, never logged, each download audited, and refused
 * whenever the one predicate says the patrons may not be told now.
 */
@Injectable()
export class PatronNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly auditLog: AuditLog,
    private readonly config: AppConfig,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
  ) {}

  async status(actor: Actor, caseId: string) {
    const row = await this.access.load(actor, caseId);
    const notices = await this.dataSource.getRepository(PatronNoticeEntity).find({ where: { caseId }, order: { recordedAt: 'ASC' } });
    const patrons = Array.isArray(row.scope?.cardNumbers) ? row.scope.cardNumbers.length : 0;
    return { decision: patronNoticeDecision(row), patrons, patronNotifiedAt: row.patronNotifiedAt, recordsPurged: row.recordsPurgedAt !== null, notices };
  }

  /** The allowed case, or a 409 naming why the patrons may not be told. */
  async allowedCase(actor: Actor, caseId: string): Promise<CaseEntity> {
    const row = await this.access.load(actor, caseId);
    const decision = patronNoticeDecision(row);
    if (!decision.allowed) throw new CaseStateConflictError(decision.message, row.status);
    if (row.recordsPurgedAt) throw new CaseStateConflictError('The imported patron data of this case was purged: no address is left to write to', row.status);
    return row;
  }

  /** Name and postal address of each patron the request named, from the sealed borrowers rows, in scope order. */
  async addresses(row: CaseEntity): Promise<NoticeAddress[]> {
    const cards = Array.isArray(row.scope?.cardNumbers) ? row.scope.cardNumbers : [];
    const sealed = await this.dataSource.getRepository(PatronRecordEntity).find({ where: { caseId: row.id, recordType: 'patron' }, select: { id: true, ciphertext: true } });
    const byCard = new Map<string, ResponsiveRecord>();
    for (const item of sealed) {
      const record = JSON.parse(this.cipher.decryptString(item.ciphertext, row.id)) as ResponsiveRecord;
      if (record.cardNumber && record.sourceTable === 'borrowers') byCard.set(record.cardNumber, record);
    }
    return cards.map((card, index) => {
      const f = byCard.get(card)?.fields ?? {};
      const name = [text(f.title), text(f.firstname), text(f.surname)].filter(Boolean).join(' ');
      const cityLine = [text(f.city), [text(f.state), text(f.zipcode)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      const lines = [[text(f.streetnumber), text(f.address)].filter(Boolean).join(' '), text(f.address2), cityLine, text(f.country)].filter(Boolean);
      return { number: index + 1, name, lines, email: text(f.email) || null };
    });
  }

  async letter(actor: Actor, caseId: string, number: number, out: Writable): Promise<void> {
    const row = await this.allowedCase(actor, caseId);
    const addresses = await this.addresses(row);
    const address = addresses[number - 1];
    if (!address) throw new RuleViolationError(`The request names ${addresses.length} patron(s); there is no letter ${number}`, [{ field: 'number', message: `must be 1 to ${addresses.length}` }]);
    if (!address.name || !address.lines.length) throw new RuleViolationError(`No name and postal address on file for patron ${number} in the imported records`, [{ field: 'number', message: 'no address on file' }]);
    const input = await this.letterInput(row, address);
    await this.auditLog.record({ actor: by(actor), action: 'patron_notice.letter_generated', objectType: 'case', objectId: caseId, caseId, details: { number } });
    await renderPatronNoticeLetter(input, out);
  }

  async mailMerge(actor: Actor, caseId: string): Promise<string> {
    const row = await this.allowedCase(actor, caseId);
    const addresses = await this.addresses(row);
    await this.auditLog.record({ actor: by(actor), action: 'patron_notice.mail_merge_generated', objectType: 'case', objectId: caseId, caseId, details: { rows: addresses.length } });
    const received = toLocalDate(row.receivedAt);
    const header = csvLine(['letter', 'name', 'address_1', 'address_2', 'address_3', 'address_4', 'email', 'case_number', 'received_on', 'request']);
    return header + addresses.map((a) => csvLine([a.number, a.name, a.lines[0] ?? '', a.lines[1] ?? '', a.lines[2] ?? '', a.lines[3] ?? '', a.email, row.caseNumber, received, REQUEST_TYPE_LABELS[row.requestType]])).join('');
  }

  private async letterInput(row: CaseEntity, address: NoticeAddress) {
    const decision = await this.dataSource.getRepository(DecisionEntity).findOne({ where: { caseId: row.id } });
    const signerId = row.decidingDirectorId ?? row.assignedDirectorId;
    const signer = signerId ? await this.dataSource.getRepository(UserEntity).findOne({ where: { id: signerId } }) : null;
    const scope = row.scope;
    const outcome =
      row.status === 'withdrawn' ? 'The request was withdrawn. The Library released nothing.'
      : decision?.decision === 'deny' ? 'The Library declined the request and released nothing.'
      : decision?.decision === 'approve' ? 'The Library found a legal basis to release records and released only those the law allowed, within the scope it approved.'
      : 'The Library has released nothing and is reviewing the request.';
    const label = REQUEST_TYPE_LABELS[row.requestType].toLowerCase();
    return {
      caseNumber: row.caseNumber,
      reference: `${row.caseNumber}/PN-${address.number}`,
      date: toLocalDate(new Date()),
      requester: { name: address.name, address: address.lines },
      requestSummary: `Notice of a request for your library records`,
      signedBy: { displayName: signer?.displayName ?? 'Library Privacy Officer', title: signer?.title ?? 'Library Privacy Officer' },
      libraryName: this.config.LIBRARY_NAME,
      receivedAt: toLocalDate(row.receivedAt),
      requestKind: /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`,
      recordsSought: `${(Array.isArray(scope?.recordTypes) ? scope.recordTypes : []).join(', ') || 'records'} from ${scope?.from ?? '?'} to ${scope?.to ?? '?'}`,
      outcome,
      basis: patronNoticeDecision(row).message.replace(/\.$/, ''),
    };
  }
}
