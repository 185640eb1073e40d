import { BadRequestException, Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DeadlineSettingsChange, DeadlineSettingsView, RuleSettingsChange, REASON_CODE_TABLE_SCHEMA, RULE_TABLE_SCHEMA, ReasonCodeView, RuleSettingsView, RuleView, SettingsView } from './settings.view';
import { ApiExtraModels } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { SETTING_KEYS, loadDeadlineSettings, loadRuleSettings, loadRules } from '@custodian/cases';
import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_RULE_SETTINGS, REASON_CODES, validateDeadlineSettings, validateRuleSettings } from '@custodian/domain';
import { SettingEntity, UnitOfWork } from '@custodian/persistence';

const STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

/**
 * Counsel's choices (rule settings) and the calendars and targets behind the clocks. Admins change them;
 * every change is audited with the keys that changed. Changes apply to clocks computed from then on.
 */
@ApiTags('settings')
@Controller('api')
export class SettingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
  ) {}

  /** The rules in force per request type: basis, checklist with citations, defaults, counsel questions. */
  @Get('rules')
  @Authenticated(...STAFF)
  @ApiExtraModels(RuleView)
  @ApiOkResponse({ schema: RULE_TABLE_SCHEMA })
  rules(): Promise<Record<string, RuleView>> {
    return loadRules(this.dataSource.manager);
  }

  /** Every reason code with its label, citation and the levels it applies to (case, record, field). */
  @Get('reason-codes')
  @Authenticated(...STAFF)
  @ApiExtraModels(ReasonCodeView)
  @ApiOkResponse({ schema: REASON_CODE_TABLE_SCHEMA })
  reasonCodes(): Record<string, ReasonCodeView> {
    return REASON_CODES;
  }

  @Get('settings')
  @Authenticated('admin', 'attorney', 'director', 'auditor')
  @ApiOkResponse({ type: SettingsView })
  async settings(): Promise<SettingsView> {
    return { deadlines: await loadDeadlineSettings(this.dataSource.manager), rules: await loadRuleSettings(this.dataSource.manager) };
  }

  @Put('settings/deadlines')
  @Authenticated('admin')
  @ApiBody({ type: DeadlineSettingsChange, description: 'Any subset of the deadline settings; the rest keep their values' })
  @ApiOkResponse({ type: DeadlineSettingsView, description: 'The deadline settings now in force' })
  updateDeadlines(@Body() body: Record<string, unknown>, @CurrentUser() actor: Actor): Promise<DeadlineSettingsView> {
    return this.save<DeadlineSettingsView>(SETTING_KEYS.deadlines, body, DEFAULT_DEADLINE_SETTINGS, (merged) => validateDeadlineSettings(merged as never), actor);
  }

  @Put('settings/rules')
  @Authenticated('admin')
  @ApiBody({ type: RuleSettingsChange, description: 'Any subset of the rule settings (counsel questions); the rest keep their values' })
  @ApiOkResponse({ type: RuleSettingsView, description: 'The rule settings now in force' })
  updateRules(@Body() body: Record<string, unknown>, @CurrentUser() actor: Actor): Promise<RuleSettingsView> {
    return this.save<RuleSettingsView>(SETTING_KEYS.rules, body, DEFAULT_RULE_SETTINGS, (merged) => validateRuleSettings(merged as never), actor);
  }

  /** `T` is the settings group's shape: the merged value passed its validator, so it has every field of its defaults. */
  private save<T>(key: string, body: Record<string, unknown>, defaults: T & object, validate: (merged: object) => string[], actor: Actor): Promise<T> {
    // No body (or `{}`) would be an audited change of nothing.
    if (Object.keys(body).length === 0) throw new BadRequestException({ message: ['body: name at least one setting to change'], fields: { body: ['name at least one setting'] } });
    const unknown = Object.keys(body).filter((field) => !Object.hasOwn(defaults, field));
    if (unknown.length) throw new BadRequestException({ message: unknown.map((f) => `${f}: is not a setting`), fields: Object.fromEntries(unknown.map((f) => [f, ['is not a setting']])) });
    const mistyped = Object.entries(body).filter(([field, value]) => kindOf(value) !== kindOf((defaults as Record<string, unknown>)[field]));
    if (mistyped.length) {
      const fields = Object.fromEntries(mistyped.map(([field]) => [field, [`must be ${kindOf((defaults as Record<string, unknown>)[field])}`]]));
      throw new BadRequestException({ message: Object.entries(fields).map(([f, [m]]) => `${f}: ${m}`), fields });
    }
    return this.unitOfWork.run(async (manager) => {
      const stored = (await manager.findOne(SettingEntity, { where: { key } }))?.value as Record<string, unknown> | undefined;
      const value = { ...(stored ?? {}), ...body };
      const problems = safeValidate(validate, { ...defaults, ...value });
      if (problems.length) throw new BadRequestException({ message: problems, fields: { [key]: problems } });
      await manager.save(SettingEntity, { key, value, updatedById: actor.id, updatedAt: new Date() });
      await this.auditLog.append(manager, { actor: { id: actor.id, username: actor.username }, action: 'settings.changed', objectType: 'setting', objectId: key, details: { changed: Object.keys(body) } });
      return { ...defaults, ...value } as T;
    });
  }
}

/** The JSON kind of a value, so a setting keeps the kind of its default ("false" is not false). */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return { boolean: 'true or false', number: 'a number', string: 'text', object: 'an object' }[typeof value as string] ?? typeof value;
}

/** Settings arrive as free-form JSON: a value of the wrong shape is a 400, never a crash. */
function safeValidate(validate: (merged: object) => string[], merged: object): string[] {
  try {
    return validate(merged);
  } catch {
    return ['one or more settings are not in the expected shape'];
  }
}
