import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryMethod = 'in_person' | 'mail' | 'court_sealed_envelope' | 'secure_link';
export type DeliveredDocument = 'production' | 'denial_letter';

/**
 * How, when and to whom a production or a denial letter reached the requester, and the SHA-256 acknowledged.
 * `deliveredAt` is null while a secure link waits for its first download; delivery is when the file is received.
 */
@Entity('deliveries')
@Index(['caseId'])
export class DeliveryEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) document: DeliveredDocument;
  @Column('varchar', { length: 36 }) documentId: string;
  @Column('varchar', { length: 64 }) documentSha256: string;
  @Column('varchar', { length: 24 }) method: DeliveryMethod;
  @Column('varchar', { length: 300 }) recipient: string;
  @Column('varchar', { length: 100, nullable: true }) trackingNumber: string | null;
  /** The SHA-256 the recipient acknowledged: given by staff for a delivery they record, by the recipient for a secure link. */
  @Column('varchar', { length: 64, nullable: true }) acknowledgedSha256: string | null;
  /** When it was acknowledged (a secure link: POST …/acknowledgement after a download; decision 0110). */
  @Column({ type: Date, nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: Date, nullable: true }) deliveredAt: Date | null;
  @Column('varchar', { length: 36 }) recordedById: string;
  @Column({ type: Date }) createdAt: Date;
}

/**
 * A secure link: a single-purpose token (only its SHA-256 is stored) that downloads one delivery's file over the
 * API's public route, until it expires, is revoked or has been used `maxDownloads` times.
 */
@Entity('delivery_links')
export class DeliveryLinkEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) deliveryId: string;
  @Column('varchar', { length: 36 }) caseId: string;
  @Index({ unique: true }) @Column('varchar', { length: 64 }) tokenHash: string;
  @Column({ type: Date }) expiresAt: Date;
  @Column('integer') maxDownloads: number;
  @Column('integer', { default: 0 }) downloads: number;
  @Column({ type: Date, nullable: true }) revokedAt: Date | null;
  @Column({ type: Date, nullable: true }) lastDownloadAt: Date | null;
  @Column({ type: Date }) createdAt: Date;
}
