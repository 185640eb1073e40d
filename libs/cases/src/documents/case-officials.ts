import { EntityManager } from 'typeorm';
import { UserEntity } from '@custodian/persistence';

/** The person by name and title, or null when there is none: letters then refuse to render (no placeholder signer). */
export async function namedOfficial(manager: EntityManager, userId: string | null): Promise<{ displayName: string; title: string } | null> {
  const user = userId ? await manager.findOne(UserEntity, { where: { id: userId } }) : null;
  return user ? { displayName: user.displayName, title: user.title } : null;
}

/** One line for the instrument, e.g. "Superior Court of California, County of Riverside, No. RIC2600123, issued 2026-11-18". */
export function instrumentSummary(instrument: { issuedBy?: string | null; judge?: string | null; docketNumber?: string | null; issuedAt?: string | null; description?: string | null }): string {
  const parts = [instrument.issuedBy, instrument.judge, instrument.docketNumber ? `No. ${instrument.docketNumber}` : null, instrument.issuedAt ? `issued ${instrument.issuedAt}` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : (instrument.description ?? 'Request as received');
}
