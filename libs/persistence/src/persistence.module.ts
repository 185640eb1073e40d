import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { openDatabase } from './data-source';
import { UnitOfWork } from './unit-of-work';

/** Provides the DataSource (migrated on open) and the UnitOfWork to every module of an app. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => openDatabase({ url: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH }),
    },
    { provide: UnitOfWork, inject: [DataSource], useFactory: (dataSource: DataSource) => new UnitOfWork(dataSource) },
  ],
  exports: [DataSource, UnitOfWork],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
