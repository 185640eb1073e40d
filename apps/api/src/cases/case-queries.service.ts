import { Injectable } from '@nestjs/common';
import { UploadNames } from '../documents/upload-names';
import { Brackets, DataSource, In } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, hasRole } from '@custodian/auth';
import { caseGag, isUnderNondisclosure, pacificToday } from '@custodian/cases';
import {
  CaseEntity, DeadlineEntity, DecisionEntity, DocumentEntity, LetterEntity, PreservationHoldEntity, ProductionEntity,
  RecordImportEntity, ReviewEntity, ReviewReturnEntity, UserEntity,
} from '@custodian/persistence';
import { nextDeadlines, timeLeftToday } from '../deadlines/time-left';
import { STATUTORY_GAGS, approvalGate } from '@custodian/domain';
import { CaseAccess } from './case-access.service';
import { approvalFacts } from './case-decisions.service';
import { ListCasesQuery } from './dto/list-cases.query';
import { CaseDetailView, CaseHeadView, CasePageView, CaseStatusView, CaseloadView, ContradictionView, DeadlineExplanationView, DocumentKind, ImportIssueView, ProductionView, RecordImportView } from './dto/case.view';

/** A row of the status poll's UNION ALL (integers may come back as strings, hence Number() on them). */
type AttachedRow =
  | { kind: 'production'; id: string; state: ProductionEntity['status']; first: number | string; second: null; reference: null }
  | { kind: 'import'; id: string; state: RecordImportEntity['status']; first: number | string; second: number | string; reference: null }
  | { kind: 'letter'; id: string; state: LetterEntity['kind']; first: null; second: null; reference: string };
type AttachedOf<K extends AttachedRow['kind']> = Extract<AttachedRow, { kind: K }>;

/** Read side of cases: the urgency-sorted list and the full case page. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly auditLog: AuditLog,
    private readonly uploadNames: UploadNames,
  ) {}

  async list(actor: Actor, query: ListCasesQuery): Promise<CasePageView> {
    const nextDue = this.dataSource
      .createQueryBuilder()
      .select('d."caseId"', 'caseId')
      .addSelect('MIN(d."dueDate")', 'due')
      .from(DeadlineEntity, 'd')
      .where("d.status = 'open'")
      .groupBy('d."caseId"');
    const q = this.dataSource
      .createQueryBuilder(CaseEntity, 'c')
      .leftJoin(`(${nextDue.getQuery()})`, 'nd', 'nd."caseId" = c.id')
      .addSelect('nd.due', 'nextDue');
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (query.type) q.andWhere('c."requestType" = :type', { type: query.type });
    if (query.dueBefore) q.andWhere('nd.due <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.assignee) {
      const assignee = query.assignee === 'me' ? actor.id : query.assignee;
      q.andWhere(
        new Brackets((w) =>
          w.where('c."intakeClerkId" = :assignee').orWhere('c."assignedAttorneyId" = :assignee').orWhere('c."reviewingAttorneyId" = :assignee')
            .orWhere('c."assignedDirectorId" = :assignee').orWhere('c."decidingDirectorId" = :assignee'),
        ),
        { assignee },
      );
    }
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
      q.andWhere(
        new Brackets((w) => w.where("LOWER(c.\"caseNumber\") LIKE :like ESCAPE '\\'").orWhere("LOWER(c.requester) LIKE :like ESCAPE '\\'").orWhere("LOWER(c.summary) LIKE :like ESCAPE '\\'")),
        { like },
      );
    }
    this.hideGaggedCases(q, actor);
    q.orderBy('CASE WHEN nd.due IS NULL THEN 1 ELSE 0 END', 'ASC').addOrderBy('nd.due', 'ASC').addOrderBy('c."receivedAt"', 'ASC');
    const total = await q.clone().getCount();
    const { entities, raw } = await q.offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawAndEntities();
    const dueById = new Map(raw.map((r: Record<string, unknown>) => [r.c_id as string, (r.nextDue as string | null) ?? null]));
    const decisions = entities.length ? await this.dataSource.getRepository(DecisionEntity).find({ where: { caseId: In(entities.map((row) => row.id)) }, select: { caseId: true, decision: true, createdAt: true } }) : [];
    const decisionOf = new Map(decisions.map((d) => [d.caseId, d]));
    const next = await nextDeadlines(this.dataSource.manager, entities.map((row) => row.id));
    return {
      items: entities.map((row) => ({ ...summary(row), nextDue: dueById.get(row.id) ?? null, nextDeadline: next.get(row.id) ?? null, decision: decisionOf.get(row.id)?.decision ?? null, decidedAt: decisionOf.get(row.id)?.createdAt ?? null })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Where a case stands, for screens that poll while a step runs. It carries no case content (no requester,
   * scope or records), so unlike the case page it is not an audited read; access is checked all the same.
   */
  async status(actor: Actor, caseId: string): Promise<CaseStatusView> {
    // Only the columns shown: the case's JSON columns and the imports' error lists are not parsed on every poll.
    // The case row and everything attached are read at once (one round trip), the attached rows in one statement;
    // an invisible case is refused before any of it is used.
    const [row, attached] = await Promise.all([
      this.access.loadColumns(actor, caseId, ['status', 'pendingStep', 'version', 'updatedAt', 'alert']),
      this.attachedStatus(caseId),
    ]);
    const production = attached.find((a): a is AttachedOf<'production'> => a.kind === 'production');
    return {
      id: row.id, status: row.status, pendingStep: row.pendingStep, version: row.version, updatedAt: row.updatedAt, alert: row.alert,
      production: production ? { id: production.id, status: production.state, progress: Number(production.first) } : null,
      imports: attached.filter((a): a is AttachedOf<'import'> => a.kind === 'import').map((i) => ({ id: i.id, status: i.state, progress: importProgress({ bytes: Number(i.first), bytesRead: Number(i.second) }) })),
      letters: attached.filter((a): a is AttachedOf<'letter'> => a.kind === 'letter').map((l) => ({ id: l.id, kind: l.state, reference: l.reference })),
    };
  }

  /**
   * The production, imports and letters of a case as the status poll shows them, in one UNION ALL (plain SQL both
   * dialects accept): three TypeORM finds were three round trips and most of the poll's query-building time.
   */
  private async attachedStatus(caseId: string): Promise<AttachedRow[]> {
    const p = (i: number) => this.dataSource.driver.createParameter(`caseId${i}`, i);
    return this.dataSource.query(
      `SELECT 'production' AS kind, id, status AS state, progress AS first, NULL AS second, NULL AS reference, 0 AS part, NULL AS "createdAt" FROM productions WHERE "caseId" = ${p(0)}
       UNION ALL SELECT 'import', id, status, bytes, "bytesRead", NULL, 1, "createdAt" FROM record_imports WHERE "caseId" = ${p(1)}
       UNION ALL SELECT 'letter', id, kind, NULL, NULL, reference, 2, "createdAt" FROM letters WHERE "caseId" = ${p(2)}
       ORDER BY part, "createdAt"`,
      [caseId, caseId, caseId],
    );
  }

  /** How many cases the actor can see, by state and by request type: the caseload charts. */
  async caseload(actor: Actor): Promise<CaseloadView> {
    const q = this.dataSource.createQueryBuilder(CaseEntity, 'c').select('c.status', 'status').addSelect('c."requestType"', 'requestType').addSelect('COUNT(*)', 'count');
    this.hideGaggedCases(q, actor);
    const rows: { status: string; requestType: string; count: string | number }[] = await q.groupBy('c.status').addGroupBy('c."requestType"').getRawMany();
    const tally = (key: 'status' | 'requestType') => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + Number(r.count) }), {});
    return { byState: tally('status'), byRequestType: tally('requestType'), total: rows.reduce((n, r) => n + Number(r.count), 0) };
  }

  /** Cases under a nondisclosure order appear only to their assignees, auditors and admins, even in counts. */
  private hideGaggedCases(q: ReturnType<DataSource['createQueryBuilder']>, actor: Actor): void {
    if (hasRole(actor, 'auditor', 'admin')) return;
    q.andWhere(
      new Brackets((w) =>
        w.where(new Brackets((free) => free
          .where(new Brackets((s) => s.where('c."requestType" NOT IN (:...statutory)').orWhere('c."gagLift" IS NOT NULL')))
          .andWhere(new Brackets((d) => d.where('c."nondisclosureUntil" IS NULL').orWhere('c."nondisclosureUntil" < :today').orWhere('c."gagLift" IS NOT NULL'))),
        )).orWhere('c."intakeClerkId" = :me')
          .orWhere('c."assignedAttorneyId" = :me').orWhere('c."reviewingAttorneyId" = :me').orWhere('c."assignedDirectorId" = :me')
          .orWhere('c."decidingDirectorId" = :me'),
      ),
      { today: pacificToday(), me: actor.id, statutory: Object.keys(STATUTORY_GAGS) },
    );
  }

  /** The case page: an audited read (`case.read`), durable before the page is returned. */
  async get(actor: Actor, caseId: string): Promise<CaseDetailView> {
    const page = await this.page(actor, caseId);
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'case.read', objectType: 'case', objectId: caseId, caseId });
    return page;
  }

  /**
   * The case page a write route answers with. Not a second audit event: the write recorded its own, by the same
   * actor on the same case in the same request, in the write's transaction (a `case.read` per write doubled the
   * audit log's growth and put every write behind the read group commit).
   */
  afterWrite(actor: Actor, caseId: string): Promise<CaseDetailView> {
    return this.page(actor, caseId);
  }

  private async page(actor: Actor, caseId: string): Promise<CaseDetailView> {
    const row = await this.access.load(actor, caseId);
    const m = this.dataSource.manager;
    const [deadlines, reviews, decision, production, letters, documents, imports, holds, left, returns] = await Promise.all([
      m.find(DeadlineEntity, { where: { caseId }, order: { dueDate: 'ASC' } }),
      m.find(ReviewEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.findOne(DecisionEntity, { where: { caseId } }),
      m.findOne(ProductionEntity, { where: { caseId } }),
      m.find(LetterEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.find(DocumentEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.find(RecordImportEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
      m.find(PreservationHoldEntity, { where: { caseId }, order: { placedAt: 'ASC' } }),
      timeLeftToday(m),
      m.find(ReviewReturnEntity, { where: { caseId }, order: { createdAt: 'ASC' } }),
    ]);
    // What approval would rest on today (the same gate the decision route and the worker apply).
    const approval = row.status === 'awaiting_approval' ? approvalGate(await approvalFacts(m, row)) : null;
    const people = await this.people([row.intakeClerkId, row.assignedAttorneyId, row.reviewingAttorneyId, row.assignedDirectorId, row.decidingDirectorId, decision?.directorId, ...reviews.map((r) => r.attorneyId), ...returns.map((r) => r.directorId), row.cpraDesigneeId]);
    const mayReadMemo = hasRole(actor, 'attorney', 'director');
    return {
      ...summary(row),
      channel: row.channel,
      requester: row.requester,
      instrument: row.instrument,
      scope: row.scope,
      approvedScope: row.approvedScope,
      summary: row.summary,
      alert: row.alert,
      version: row.version,
      underNondisclosure: isUnderNondisclosure(row),
      gag: caseGag(row),
      nondisclosureBasis: row.nondisclosureBasis,
      cpraDesigneeId: row.cpraDesigneeId,
      patronNotifiedAt: row.patronNotifiedAt,
      assignments: {
        intakeClerk: people.get(row.intakeClerkId ?? ''),
        assignedAttorney: people.get(row.assignedAttorneyId ?? ''),
        reviewingAttorney: people.get(row.reviewingAttorneyId ?? ''),
        assignedDirector: people.get(row.assignedDirectorId ?? ''),
        decidingDirector: people.get(row.decidingDirectorId ?? ''),
      },
      deadlines: deadlines.map((d) => ({ clock: d.clock, label: d.label, dueDate: d.dueDate, status: d.status, timeLeft: left(d.dueDate, d.explanation, d.status), explanation: d.explanation as DeadlineExplanationView | null, computedAt: d.computedAt })),
      reviews: reviews.map((r) => ({
        id: r.id, attorney: people.get(r.attorneyId), checklist: r.checklist, sufficiency: r.sufficiency, recommendation: r.recommendation,
        reasons: r.reasons, scope: r.scope, cureRequest: r.cureRequest, contradictions: r.contradictions as ContradictionView[] | null, overrideReason: r.overrideReason,
        createdAt: r.createdAt, ...(mayReadMemo ? { memo: r.memo } : { memo: null, memoWithheld: r.memo.length > 0 }),
      })),
      decision: decision && { id: decision.id, decision: decision.decision, note: decision.note, reasons: decision.reasons, director: people.get(decision.directorId), createdAt: decision.createdAt },
      approval,
      sentBack: returns.map((r) => ({ id: r.id, reviewId: r.reviewId, director: people.get(r.directorId), reason: r.reason, createdAt: r.createdAt })),
      cpraDesignee: row.cpraDesigneeId ? people.get(row.cpraDesigneeId) ?? null : null,
      production: production && productionView(production),
      letters: letters.map((l) => ({ id: l.id, kind: l.kind, reference: l.reference, sha256: l.sha256, bytes: l.bytes, createdAt: l.createdAt })),
      documents: documents.map((d) => ({ id: d.id, kind: d.kind as DocumentKind, filename: this.uploadNames.open(caseId, d.filename), mediaType: d.mediaType, sha256: d.sha256, size: d.size, createdAt: d.createdAt })),
      recordImports: imports.map((i) => importView(i, this.uploadNames)),
      preservationHolds: holds.map((h) => ({ id: h.id, status: h.status, placedAt: h.placedAt, expiresOn: h.expiresOn, renewals: h.renewals, releasedAt: h.releasedAt })),
    };
  }

  private async people(ids: (string | null | undefined)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const users = wanted.length ? await this.dataSource.getRepository(UserEntity).find({ where: { id: In(wanted) } }) : [];
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName, title: u.title }]));
  }
}

export function summary(row: CaseEntity): CaseHeadView {
  return {
    id: row.id, caseNumber: row.caseNumber, requestType: row.requestType, status: row.status, pendingStep: row.pendingStep,
    assignedAttorneyId: row.assignedAttorneyId, assignedDirectorId: row.assignedDirectorId,
    receivedAt: row.receivedAt, requesterName: row.requester.name, agency: row.requester.agency ?? null, emergency: row.emergency,
    nondisclosureUntil: row.nondisclosureUntil, submittedAt: row.submittedAt, closedAt: row.closedAt, updatedAt: row.updatedAt,
  };
}

export function productionView(p: ProductionEntity): ProductionView {
  return { id: p.id, status: p.status, progress: p.progress, sha256: p.sha256, bytes: p.bytes, pages: p.pages, batesFirst: p.batesFirst, batesLast: p.batesLast, manifest: p.manifest, failure: p.failure, createdAt: p.createdAt, completedAt: p.completedAt };
}

function importProgress(i: Pick<RecordImportEntity, 'bytes' | 'bytesRead'>): number {
  return i.bytes ? Math.min(100, Math.round((i.bytesRead / i.bytes) * 100)) : 0;
}

export function importView(i: RecordImportEntity, names: UploadNames): RecordImportView {
  return {
    id: i.id, status: i.status, format: i.format, table: i.table, filename: names.open(i.caseId, i.filename), bytes: i.bytes, bytesRead: i.bytesRead,
    progress: importProgress(i), rowsRead: i.rowsRead, rowsImported: i.rowsImported,
    errorCount: i.errorCount, errors: i.errors as ImportIssueView[] | null, warningCount: i.warningCount ?? 0, warnings: (i.warnings ?? []) as ImportIssueView[],
    // rows waiting for a borrowers file (re-checked when one arrives) and rows that are no one's (never produced)
    pendingRows: i.pendingRows ?? 0, notAttributableRows: i.notAttributableRows ?? 0,
    files: (i.files ?? []).map((f) => ({ filename: names.open(i.caseId, f.filename), format: f.format, table: f.table, bytes: f.bytes })),
    createdAt: i.createdAt, completedAt: i.completedAt,
  };
}
