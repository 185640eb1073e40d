import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { AuthSessions1765200000000 } from './1765200000000-auth-sessions';
import { CaseDuties1765200000001 } from './1765200000001-case-duties';
import { LegalReviewGates1765300000000 } from './1765300000000-legal-review-gates';
import { ImportWarningsAndFiles1765400000000 } from './1765400000000-import-warnings-and-files';
import { LibraryBatesSequence1765500000000 } from './1765500000000-library-bates-sequence';
import { Deliveries1765500000001 } from './1765500000001-deliveries';
import { KeyedAuditAndHotIndexes1765600000000 } from './1765600000000-keyed-audit-and-hot-indexes';
import { RemindersOutsideTheApp1765700000000 } from './1765700000000-reminders-outside-the-app';
import { NoticesHoldsPurges1765800000000 } from './1765800000000-notices-holds-purges';
import { SealedUploadNames1766700000000 } from './1766700000000-sealed-upload-names';
import { DeliveryAcknowledgement1766800000000 } from './1766800000000-delivery-acknowledgement';

/** Every migration, in order. Listed explicitly so the compiled app never globs the file system. */
export const MIGRATIONS = [
  InitialSchema1764300000000, AuthSessions1765200000000, CaseDuties1765200000001, LegalReviewGates1765300000000, ImportWarningsAndFiles1765400000000,
  LibraryBatesSequence1765500000000, Deliveries1765500000001, KeyedAuditAndHotIndexes1765600000000, RemindersOutsideTheApp1765700000000, NoticesHoldsPurges1765800000000,
  SealedUploadNames1766700000000, DeliveryAcknowledgement1766800000000,
];
