import { AppConfig } from '@custodian/config';
import { RecordCipher, createRecordCipher, parseRecordKeyring } from '@custodian/records';

/** The API unseals one thing only: a patron's own name and address, to address the notice of a request to them. */
export const recordsCipherProvider = {
  provide: 'RecordCipher',
  inject: [AppConfig],
  useFactory: (config: AppConfig): RecordCipher => {
    const keyring = parseRecordKeyring(config.RECORDS_KEYS, config.RECORDS_ACTIVE_KEY_ID);
    return createRecordCipher({ keys: keyring.keys, activeKeyId: keyring.activeKeyId });
  },
};
