import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { KohaSettingsView } from './settings.view';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { KOHA_SETTINGS_KEY, loadKohaSettings } from '@custodian/cases';
import { SettingEntity, UnitOfWork } from '@custodian/persistence';

class KohaSettingsDto {
  /** Koha's AnonymousPatron preference (Administration › System preferences › AnonymousPatron). */
  @ApiProperty({ type: [Number], maxItems: 20, example: [1] })
  @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(2_147_483_647, { each: true })
  anonymousPatrons: number[];
}

/** Facts about the library's Koha the import needs: which borrowernumber anonymised history belongs to. */
@ApiTags('settings')
@Controller('api/settings/koha')
export class KohaSettingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
  ) {}

  @Get()
  @Authenticated('admin', 'clerk', 'attorney', 'director', 'auditor')
  @ApiOkResponse({ type: KohaSettingsView })
  settings(): Promise<KohaSettingsView> {
    return loadKohaSettings(this.dataSource.manager);
  }

  /** Applies to imports from now on; rows already imported are re-read at the next import into their case. */
  @Put()
  @Authenticated('admin')
  @ApiOkResponse({ type: KohaSettingsView })
  update(@Body() body: KohaSettingsDto, @CurrentUser() actor: Actor): Promise<KohaSettingsView> {
    return this.unitOfWork.run(async (manager) => {
      const value = { anonymousPatrons: body.anonymousPatrons };
      await manager.save(SettingEntity, { key: KOHA_SETTINGS_KEY, value, updatedById: actor.id, updatedAt: new Date() });
      await this.auditLog.append(manager, { actor: { id: actor.id, username: actor.username }, action: 'settings.changed', objectType: 'setting', objectId: KOHA_SETTINGS_KEY, details: { changed: ['anonymousPatrons'] } });
      return value;
    });
  }
}
