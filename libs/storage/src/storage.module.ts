import { Global, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { parseRecordKeyring } from '@custodian/records';
import { ContentStore } from './content-store';
import { FileEnvelope } from './file-envelope';

/** Stored files are wrapped by the records keys: one key configuration and one rotation for everything at rest. */
export function fileEnvelopeFor(config: Pick<AppConfig, 'RECORDS_KEYS' | 'RECORDS_ACTIVE_KEY_ID'>): FileEnvelope {
  return new FileEnvelope(parseRecordKeyring(config.RECORDS_KEYS, config.RECORDS_ACTIVE_KEY_ID));
}

type StorageSettings = Pick<AppConfig, 'RECORDS_KEYS' | 'RECORDS_ACTIVE_KEY_ID' | 'STORAGE_DIR' | 'RENDER_SCRATCH_DIR'>;

export function contentStoreFor(config: StorageSettings, envelope = fileEnvelopeFor(config)): ContentStore {
  return new ContentStore(config.STORAGE_DIR, envelope, { renderScratch: config.RENDER_SCRATCH_DIR });
}

/** At start-up (API and worker alike): directories 0700, and partial files of processes that died are removed. */
@Injectable()
export class StorageStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('Storage');

  constructor(private readonly store: ContentStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.store.prepare();
    const removed = await this.store.sweepPartials();
    if (removed.length) this.logger.log(`removed ${removed.length} partial file(s) left by a process that stopped`);
  }
}

@Global()
@Module({
  providers: [
    { provide: FileEnvelope, inject: [AppConfig], useFactory: fileEnvelopeFor },
    { provide: ContentStore, inject: [AppConfig, FileEnvelope], useFactory: contentStoreFor },
    StorageStartup,
  ],
  exports: [ContentStore, FileEnvelope],
})
export class StorageModule {}
