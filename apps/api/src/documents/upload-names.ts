import { Inject, Injectable } from '@nestjs/common';
import { SEALED_CONTEXTS, type RecordCipher } from '@custodian/records';

/** What a sealed name starts with; `safeFilename` turns ':' into '_', so no name from before can look sealed. */
const SEALED_PREFIX = 'v1:';

/**
 * The names staff give uploaded files ("jane-doe-warrant.pdf") can name a patron, so they are stored sealed with the
 * records cipher, bound to their case, and opened only where a view shows them. Rows from before stay readable.
 */
@Injectable()
export class UploadNames {
  constructor(@Inject('RecordCipher') private readonly cipher: RecordCipher) {}

  seal(caseId: string, name: string): string {
    return this.cipher.encrypt(name, context(caseId));
  }

  open(caseId: string, stored: string): string {
    if (!stored.startsWith(SEALED_PREFIX)) return stored;
    try {
      return this.cipher.decryptString(stored, context(caseId));
    } catch {
      // A rotated-away key or a value moved from another case: say so rather than fail the whole case page.
      return '(name unreadable)';
    }
  }
}

const context = SEALED_CONTEXTS.uploadName;
