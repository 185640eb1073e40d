import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AcknowledgementView, DeliveryCreatedView, DeliveryListView, DeliveryView, RevokedView } from './delivery.view';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, replanDeadlines } from '@custodian/cases';
import { CaseEntity, DeliveryEntity, DeliveryLinkEntity, LetterEntity, ProductionEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';
import { CreateDeliveryDto } from './delivery.dto';
import { LinkRefusalAudit } from './public-delivery-guard';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const by = (actor: Actor) => ({ id: actor.id, username: actor.username });
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface DeliverableFile {
  caseId: string;
  sha256: string;
  bytes: number | null;
  filename: string;
}

type LinkRefusalReason = 'unknown' | 'revoked' | 'expired' | 'download limit reached' | 'not downloaded' | 'wrong sha256';
type Acknowledged = { acknowledged: AcknowledgementView } | { refused: 'revoked' | 'not downloaded' | 'wrong sha256' };

/** A deliveredAt is refused for the same reason whichever bound it crosses: 400 naming the field, nothing recorded. */
function deliveredAtRefused(message: string, field: string): never {
  throw new BadRequestException({ message, fields: { deliveredAt: field } });
}

/**
 * The delivery step: recording how a production or a denial letter reached the requester (in person, by mail with a
 * tracking number, to the court in a sealed envelope) with the SHA-256 they acknowledged, or issuing a secure link
 * that delivers it on first download. Delivery is what meets the response deadlines and what allows closing.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly refusals: LinkRefusalAudit,
    private readonly store: ContentStore,
  ) {}

  async create(caseId: string, body: CreateDeliveryDto, actor: Actor): Promise<DeliveryCreatedView> {
    return this.workflow.change<DeliveryCreatedView>(caseId, async (row, manager) => {
      const file = await this.deliverable(manager, row, body.document);
      if (row.requestType === 'criminal_subpoena' && body.document === 'production' && body.method !== 'court_sealed_envelope') {
        throw new ConflictException('Records produced on a criminal subpoena go to the court in a sealed envelope (Evid. Code § 1560(b); Penal Code § 1326(b)): use method court_sealed_envelope');
      }
      const link = body.method === 'secure_link';
      if (body.acknowledgedSha256 !== undefined && body.acknowledgedSha256 !== file.sha256) {
        throw new BadRequestException({ message: 'acknowledgedSha256 is not the SHA-256 of the file delivered: the recipient acknowledged a different file', fields: { acknowledgedSha256: 'does not match the delivered file' } });
      }
      const deliveredAt = link ? null : body.deliveredAt ? new Date(body.deliveredAt) : new Date();
      if (deliveredAt && deliveredAt.getTime() > Date.now() + 60_000) deliveredAtRefused('deliveredAt is in the future', 'must not be in the future');
      // Nothing is delivered before it exists: the production's completion, the letter's writing (to the second, so a
      // time typed without fractions for the second the file was finished is accepted).
      if (deliveredAt && deliveredAt.getTime() < Math.floor(file.existedAt.getTime() / 1000) * 1000) {
        const what = body.document === 'production' ? 'the production was completed' : 'the denial letter was written';
        deliveredAtRefused(`deliveredAt is before ${what} (${file.existedAt.toISOString()})`, `must not be before ${what} (${file.existedAt.toISOString()})`);
      }
      const delivery: DeliveryEntity = {
        id: randomUUID(), caseId, document: body.document, documentId: file.documentId, documentSha256: file.sha256, method: body.method,
        recipient: body.recipient.trim(), trackingNumber: body.trackingNumber?.trim() ?? null, acknowledgedSha256: link ? null : (body.acknowledgedSha256 as string),
        // Staff record the acknowledgement the recipient gave on receiving it; a link's comes from the recipient later.
        acknowledgedAt: link ? null : deliveredAt, deliveredAt, recordedById: actor.id, createdAt: new Date(),
      };
      await manager.insert(DeliveryEntity, delivery);
      if (!link) {
        return {
          result: { delivery: deliveryView(delivery, null) },
          jobs: await replanDeadlines(manager, row),
          audit: [{ actor: by(actor), action: 'delivery.recorded', objectType: 'delivery', objectId: delivery.id, details: { method: body.method, document: body.document, sha256: file.sha256 } }],
        };
      }
      // 32 random bytes: the token is shown once; only its SHA-256 is kept, so the database cannot reissue it.
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + (body.expiresInHours ?? 72) * 3600_000);
      const linkRow: DeliveryLinkEntity = {
        id: randomUUID(), deliveryId: delivery.id, caseId, tokenHash: tokenHash(token), expiresAt, maxDownloads: body.maxDownloads ?? 3,
        downloads: 0, revokedAt: null, lastDownloadAt: null, createdAt: new Date(),
      };
      await manager.insert(DeliveryLinkEntity, linkRow);
      return {
        result: { delivery: deliveryView(delivery, linkRow), link: { token, path: `/api/public/deliveries/${token}`, expiresAt, maxDownloads: linkRow.maxDownloads } },
        audit: [{ actor: by(actor), action: 'delivery.link_created', objectType: 'delivery', objectId: delivery.id, details: { document: body.document, expiresAt: expiresAt.toISOString(), maxDownloads: linkRow.maxDownloads } }],
      };
    });
  }

  async list(caseId: string): Promise<DeliveryListView> {
    const deliveries = await this.dataSource.getRepository(DeliveryEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const links = await this.dataSource.getRepository(DeliveryLinkEntity).find({ where: { caseId } });
    return { items: deliveries.map((delivery) => deliveryView(delivery, links.find((link) => link.deliveryId === delivery.id) ?? null)) };
  }

  async revoke(caseId: string, deliveryId: string, actor: Actor): Promise<RevokedView> {
    return this.workflow.change(caseId, async (_row, manager) => {
      const link = await manager.findOne(DeliveryLinkEntity, { where: { deliveryId, caseId } });
      if (!link) throw new NotFoundException('This case has no secure link with that id');
      if (!link.revokedAt) await manager.update(DeliveryLinkEntity, { id: link.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      return { result: { revoked: true }, audit: [{ actor: by(actor), action: 'delivery.link_revoked', objectType: 'delivery', objectId: deliveryId }] };
    });
  }

  /**
   * One download through a secure link, counted atomically (a link allowing n downloads serves n, however many
   * requests race). The first download is the delivery: it records the time and meets the deadlines; it is not an
   * acknowledgement (decision 0110: the recipient acknowledges the SHA-256 afterwards, `acknowledge`). Any other token
   * (unknown, malformed, expired, revoked, used up) is a 404, audited with the reason in its refusal window.
   */
  async download(token: string, source: string): Promise<DeliverableFile> {
    const link = await this.linkOf(token);
    const refusal = !link ? 'unknown' : this.lapsed(link) ?? (link.downloads >= link.maxDownloads ? 'download limit reached' : null);
    if (!link || refusal) return this.refuse(source, link, refusal ?? 'unknown');
    const served = await this.workflow.change<DeliverableFile | null>(link.caseId, async (row, manager) => {
      const counted = await manager
        .createQueryBuilder()
        .update(DeliveryLinkEntity)
        .set({ downloads: () => '"downloads" + 1', lastDownloadAt: new Date() })
        .where('id = :id AND "downloads" < "maxDownloads" AND "revokedAt" IS NULL', { id: link.id })
        .execute();
      if (!counted.affected) return { result: null };
      const delivery = await manager.findOneOrFail(DeliveryEntity, { where: { id: link.deliveryId } });
      const file = await this.deliverable(manager, row, delivery.document, false);
      // A stored file that fails its integrity check throws here: no download is counted, nothing is delivered.
      await this.store.verify(file.sha256);
      const first = delivery.deliveredAt === null;
      if (first) await manager.update(DeliveryEntity, { id: delivery.id }, { deliveredAt: new Date() });
      return {
        result: { caseId: row.id, sha256: file.sha256, bytes: file.bytes, filename: file.filename },
        jobs: first ? await replanDeadlines(manager, row) : [],
        audit: [{ actor: null, action: 'delivery.downloaded', objectType: 'delivery', objectId: delivery.id, details: { download: link.downloads + 1, of: link.maxDownloads, sha256: file.sha256, first } }],
      };
    });
    return served ?? this.refuse(source, link, 'download limit reached');
  }

  /**
   * The recipient's acknowledgement through the link: the SHA-256 of the file they downloaded. A token that could
   * not download (unknown, malformed, revoked, expired) is a 404 as for the download; a used-up link may still
   * acknowledge. 409 before the first download, 422 for a hash that is not the delivered file's; a repeated
   * acknowledgement of the same file answers the first one's time and records nothing.
   */
  async acknowledge(token: string, sha256: string, source: string): Promise<AcknowledgementView> {
    const link = await this.linkOf(token);
    const lapsed = link ? this.lapsed(link) : 'unknown';
    if (!link || lapsed) return this.refuse(source, link, lapsed ?? 'unknown');
    const outcome = await this.workflow.change<Acknowledged>(link.caseId, async (_row, manager) => {
      const current = await manager.findOneOrFail(DeliveryLinkEntity, { where: { id: link.id } });
      if (current.revokedAt) return { result: { refused: 'revoked' } };
      const delivery = await manager.findOneOrFail(DeliveryEntity, { where: { id: link.deliveryId } });
      if (delivery.deliveredAt === null || current.downloads === 0) return { result: { refused: 'not downloaded' } };
      if (sha256 !== delivery.documentSha256) return { result: { refused: 'wrong sha256' } };
      if (delivery.acknowledgedAt && delivery.acknowledgedSha256) return { result: { acknowledged: { acknowledgedSha256: delivery.acknowledgedSha256, acknowledgedAt: delivery.acknowledgedAt } } };
      const acknowledgedAt = new Date();
      await manager.update(DeliveryEntity, { id: delivery.id }, { acknowledgedSha256: sha256, acknowledgedAt });
      return {
        result: { acknowledged: { acknowledgedSha256: sha256, acknowledgedAt } },
        audit: [{ actor: null, action: 'delivery.acknowledged', objectType: 'delivery', objectId: delivery.id, details: { sha256, downloads: current.downloads } }],
      };
    });
    if ('acknowledged' in outcome) return outcome.acknowledged;
    if (outcome.refused === 'revoked') return this.refuse(source, link, 'revoked');
    await this.refusals.refused({ source, reason: outcome.refused, deliveryId: link.deliveryId, caseId: link.caseId });
    if (outcome.refused === 'not downloaded') throw new ConflictException('Download the file through this link before acknowledging it');
    throw new UnprocessableEntityException({ message: 'sha256 is not the SHA-256 of the delivered file: check the file downloaded', fields: { sha256: 'does not match the delivered file' } });
  }

  private async linkOf(token: string): Promise<DeliveryLinkEntity | null> {
    return TOKEN.test(token) ? this.dataSource.getRepository(DeliveryLinkEntity).findOne({ where: { tokenHash: tokenHash(token) } }) : null;
  }

  /** Why a link no longer opens anything, whatever is asked of it. */
  private lapsed(link: DeliveryLinkEntity): LinkRefusalReason | null {
    return link.revokedAt ? 'revoked' : link.expiresAt.getTime() <= Date.now() ? 'expired' : null;
  }

  private async refuse(source: string, link: DeliveryLinkEntity | null, reason: LinkRefusalReason): Promise<never> {
    await this.refusals.refused({ source, reason, deliveryId: link?.deliveryId ?? null, caseId: link?.caseId ?? null });
    throw new NotFoundException('No such download');
  }

  private async deliverable(manager: EntityManager, row: CaseEntity, document: DeliveryEntity['document'], checkState = true) {
    if (document === 'production') {
      if (checkState && row.status !== 'fulfilled' && row.status !== 'closed') throw new CaseStateConflictError('Only a fulfilled case has a production to deliver', row.status, row.pendingStep);
      const production = await manager.findOne(ProductionEntity, { where: { caseId: row.id } });
      if (!production || production.status !== 'ready' || !production.sha256) throw new CaseStateConflictError('This case has no verified production to deliver', row.status, row.pendingStep);
      return { documentId: production.id, sha256: production.sha256, bytes: production.bytes, filename: `production-${row.caseNumber}.pdf`, existedAt: production.completedAt ?? production.createdAt };
    }
    if (checkState && row.status !== 'denied' && row.status !== 'closed') throw new CaseStateConflictError('Only a denied case has a denial letter to deliver', row.status, row.pendingStep);
    const [letter] = await manager.find(LetterEntity, { where: { caseId: row.id, kind: 'denial' }, order: { createdAt: 'DESC' }, take: 1 });
    if (!letter) throw new CaseStateConflictError('This case has no denial letter to deliver', row.status, row.pendingStep);
    return { documentId: letter.id, sha256: letter.sha256, bytes: letter.bytes, filename: `denial-letter-${row.caseNumber}.pdf`, existedAt: letter.createdAt };
  }
}

function deliveryView(delivery: DeliveryEntity, link: DeliveryLinkEntity | null): DeliveryView {
  return {
    id: delivery.id, document: delivery.document, method: delivery.method, recipient: delivery.recipient, trackingNumber: delivery.trackingNumber,
    sha256: delivery.documentSha256, acknowledgedSha256: delivery.acknowledgedSha256, acknowledgedAt: delivery.acknowledgedAt, deliveredAt: delivery.deliveredAt, createdAt: delivery.createdAt,
    link: link && { expiresAt: link.expiresAt, maxDownloads: link.maxDownloads, downloads: link.downloads, revokedAt: link.revokedAt, lastDownloadAt: link.lastDownloadAt },
  };
}
