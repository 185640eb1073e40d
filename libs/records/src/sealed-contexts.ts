/**
 * The associated data each sealed column is bound to (`RecordCipher` context), in one place: the code that seals a
 * value and the re-seal after a key rotation must agree, or a re-sealed value would no longer open.
 */
export const SEALED_CONTEXTS = {
  /** patron_records.ciphertext: the record, bound to its case. */
  patronRecord: (caseId: string) => caseId,
  /** documents.filename, record_imports.filename and files[].filename (decision 0016). */
  uploadName: (caseId: string) => `upload-name:${caseId}`,
  /** users.totpSecret (decision 0021). */
  totpSecret: (userId: string) => `totp:${userId}`,
} as const;
