import { BadRequestException, Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NationalSecurityStructureView, RetentionSettingsChange, RetentionSettingsView, TransparencySettingsChange, TransparencySettingsView, TransparencyValuesView } from './settings.view';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { POLICY_SETTING_KEYS, loadRetentionSettings, loadTransparencySettings } from '@custodian/cases';
import { AppConfig } from '@custodian/config';
import { DEFAULT_TRANSPARENCY_SETTINGS, NATIONAL_SECURITY_STRUCTURES, defaultRetention, validateRetentionSettings, validateTransparencySettings } from '@custodian/domain';
import { SettingEntity, UnitOfWork } from '@custodian/persistence';

const READERS = ['admin', 'attorney', 'director', 'auditor'] as const;

/** A flat settings object with a default per key: unknown keys, wrong kinds and invalid values are 400s, nothing saved. */
export async function saveFlatSetting<T extends object>(
  unitOfWork: UnitOfWork, auditLog: AuditLog, actor: Actor, key: string, body: unknown, defaults: T, validate: (merged: object) => string[],
): Promise<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequestException({ message: ['the body must be an object of settings'] });
  const unknown = Object.keys(body).filter((field) => !Object.hasOwn(defaults, field));
  const mistyped = Object.entries(body).filter(([field, value]) => Object.hasOwn(defaults, field) && typeof value !== typeof (defaults as Record<string, unknown>)[field]);
  const fields: Record<string, string[]> = {
    ...Object.fromEntries(unknown.map((f) => [f, ['is not a setting']])),
    ...Object.fromEntries(mistyped.map(([f]) => [f, [`must be ${typeof (defaults as Record<string, unknown>)[f] === 'number' ? 'a number' : 'text'}`]])),
  };
  if (Object.keys(fields).length) throw new BadRequestException({ message: Object.entries(fields).map(([f, [m]]) => `${f}: ${m}`), fields });
  return unitOfWork.run(async (manager) => {
    const stored = (await manager.findOne(SettingEntity, { where: { key } }))?.value as Record<string, unknown> | undefined;
    const value = { ...(stored ?? {}), ...body };
    const problems = validate({ ...defaults, ...value });
    if (problems.length) throw new BadRequestException({ message: problems, fields: Object.fromEntries(problems.map((p) => [p.split(':')[0], [p.split(': ').slice(1).join(': ')]])) });
    await manager.save(SettingEntity, { key, value, updatedById: actor.id, updatedAt: new Date() });
    await auditLog.append(manager, { actor: { id: actor.id, username: actor.username }, action: 'settings.changed', objectType: 'setting', objectId: key, details: { changed: Object.keys(body) } });
    // Every key is one of the defaults' with the same kind, and the whole passed its validator.
    return { ...defaults, ...value } as T;
  });
}

/** Retention schedule; counsel's transparency choices (§ 1874 structure, delays, gag-order counting) and the admin's methodology text. */
@ApiTags('settings')
@Controller('api/settings')
export class PolicySettingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly config: AppConfig,
  ) {}

  @Get('retention')
  @Authenticated(...READERS)
  @ApiOkResponse({ type: RetentionSettingsView })
  retention(): Promise<RetentionSettingsView> {
    return loadRetentionSettings(this.dataSource.manager, this.config.PURGE_AFTER_DAYS);
  }

  /** The retention schedule per record class (days after the case closed); minimums by law are enforced. */
  @Put('retention')
  @Authenticated('admin')
  @ApiBody({ type: RetentionSettingsChange, description: 'Any subset of the retention settings; the rest keep their values' })
  @ApiOkResponse({ type: RetentionSettingsView, description: 'The retention settings now in force' })
  updateRetention(@Body() body: Record<string, unknown>, @CurrentUser() actor: Actor): Promise<RetentionSettingsView> {
    return saveFlatSetting(this.unitOfWork, this.auditLog, actor, POLICY_SETTING_KEYS.retention, body, defaultRetention(this.config.PURGE_AFTER_DAYS), (merged) => validateRetentionSettings(merged as never));
  }

  @Get('transparency')
  @Authenticated(...READERS)
  @ApiExtraModels(NationalSecurityStructureView)
  @ApiOkResponse({ type: TransparencySettingsView })
  async transparency(): Promise<TransparencySettingsView> {
    return { ...(await loadTransparencySettings(this.dataSource.manager)), defaults: DEFAULT_TRANSPARENCY_SETTINGS, structures: NATIONAL_SECURITY_STRUCTURES };
  }

  @Put('transparency')
  @Authenticated('admin')
  @ApiBody({ type: TransparencySettingsChange, description: 'Any subset of the transparency settings; the rest keep their values' })
  @ApiOkResponse({ type: TransparencyValuesView, description: 'The transparency settings now in force' })
  updateTransparency(@Body() body: Record<string, unknown>, @CurrentUser() actor: Actor): Promise<TransparencyValuesView> {
    return saveFlatSetting(this.unitOfWork, this.auditLog, actor, POLICY_SETTING_KEYS.transparency, body, DEFAULT_TRANSPARENCY_SETTINGS, (merged) => validateTransparencySettings(merged as never));
  }
}
