import { AppConfig } from '@custodian/config';
import { RecordCipher, createRecordCipher, parseRecordKeyring } from '@custodian/records';

/** Seals imported patron data with AES-256-GCM under the configured keys; the case id is bound in as associated data. */
export const recordsCipherProvider = {
  provide: 'RecordCipher',
  inject: [AppConfig],
  useFactory: (config: AppConfig): RecordCipher => {
    const keyring = parseRecordKeyring(config.RECORDS_KEYS, config.RECORDS_ACTIVE_KEY_ID);
    return createRecordCipher({ keys: keyring.keys, activeKeyId: keyring.activeKeyId });
  },
};
