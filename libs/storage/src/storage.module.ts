import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { ContentStore } from './content-store';

@Global()
@Module({
  providers: [{ provide: ContentStore, inject: [AppConfig], useFactory: (config: AppConfig) => new ContentStore(config.STORAGE_DIR) }],
  exports: [ContentStore],
})
export class StorageModule {}
