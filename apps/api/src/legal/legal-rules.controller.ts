import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CalendarInfoView, CalendarsView, ClockView, LegalRulesView, PolicyReadingView, ReasonCodeView, RuleView } from '../settings/settings.view';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { Authenticated } from '@custodian/auth';
import { loadDeadlineSettings, loadRules, pacificToday } from '@custodian/cases';
import {
  APPROVAL_CITATION, CALENDAR_INFO, CLOCKS, CLOCK_NAMES, COUNSEL_SETTINGS, CPRA_EXTENSION_GROUNDS, CPRA_EXTENSION_CITATION, CALECPA_CITATION,
  NO_BASIS_CONTRADICTIONS, POLICY_READINGS, REASON_CODES, REQUEST_TYPE_LABELS, STATUTORY_GAGS, calendarsFor, closedWeekdays,
} from '@custodian/domain';

const STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

class YearQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: 'Default: this year' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

/**
 * The law the product applies, with its citations, for the rules page and anyone checking the product:
 * clocks, calendars, extension grounds, gags, the approval gate and how the seed policy is read.
 */
@ApiTags('rules')
@Controller('api')
export class LegalRulesController {
  constructor(private readonly dataSource: DataSource) {}

  /** Every clock: what it measures, its citation, the calendar it counts on, its days under the settings in force. */
  @Get('clocks')
  @Authenticated(...STAFF)
  @ApiOkResponse({ type: [ClockView] })
  async clocks(): Promise<ClockView[]> {
    const settings = await loadDeadlineSettings(this.dataSource.manager);
    return CLOCK_NAMES.map((name) => {
      const c = CLOCKS[name];
      return {
        clock: c.clock, label: c.label, citation: c.citation, kind: c.kind, startsFrom: c.startsFrom, counting: c.counting,
        calendar: { kind: c.calendar, ...CALENDAR_INFO[c.calendar] }, days: c.days(settings), rollsForwardPastHolidays: c.rollForwardPastHolidays,
        maxExtensionDays: c.maxExtensionDays?.(settings) ?? null, extensionCitation: c.extensionCitation ?? null,
        enabled: c.enabled?.(settings) ?? true, note: c.note,
      };
    });
  }

  /** The court and city calendars with their citations, and the weekdays each closes in a year (default: this year). */
  @Get('calendars')
  @Authenticated(...STAFF)
  @ApiOkResponse({ type: CalendarsView })
  async calendars(@Query() query: YearQuery): Promise<CalendarsView> {
    const settings = await loadDeadlineSettings(this.dataSource.manager);
    const year = query.year ?? Number(pacificToday().slice(0, 4));
    const calendars = calendarsFor(settings);
    return {
      year,
      court: { ...CALENDAR_INFO.court, closed: closedWeekdays(calendars.court, year) },
      city: { ...CALENDAR_INFO.city, closed: closedWeekdays(calendars.city, year), closureRules: settings.cityClosureRules, oneOffClosures: settings.cityHolidays, editableBy: 'admin (PUT /api/settings/deadlines)' },
    };
  }

  /** Everything the rules page shows, each item with its citation. */
  @Get('legal-rules')
  @Authenticated(...STAFF)
  @ApiExtraModels(RuleView, ReasonCodeView, CalendarInfoView)
  @ApiOkResponse({ type: LegalRulesView })
  async legalRules(): Promise<LegalRulesView> {
    return {
      requestTypes: REQUEST_TYPE_LABELS,
      rules: await loadRules(this.dataSource.manager),
      reasonCodes: REASON_CODES,
      clocks: await this.clocks(),
      calendars: CALENDAR_INFO,
      approval: { citation: APPROVAL_CITATION, rule: 'Approval only after a completed review that recommends release, within its narrowed scope; otherwise send back or deny.', noBasisContradictions: NO_BASIS_CONTRADICTIONS },
      gags: {
        statutory: STATUTORY_GAGS,
        calecpa: { citation: CALECPA_CITATION, rule: 'Delayed notice for electronic information sought by a warrant or court order under CalECPA, for the period the court orders; not a gag for every court order.' },
        lifting: 'A statutory gag ends only by a recorded court order or government notice (POST /api/cases/:id/gag-lift), never by a date.',
      },
      extension: { citation: CPRA_EXTENSION_CITATION, grounds: CPRA_EXTENSION_GROUNDS, rule: 'Written notice within the 10 days, from the head of the agency or the designee recorded on the case, at most 14 days, once.' },
      counselSettings: COUNSEL_SETTINGS.map((s) => ({ setting: s.setting, group: s.settingsGroup, question: s.question, citation: s.citation, default: s.defaultValue, appliesTo: s.appliesTo })),
      policyReadings: POLICY_READINGS,
    };
  }

  @Get('policy-readings')
  @Authenticated(...STAFF)
  @ApiOkResponse({ type: [PolicyReadingView] })
  policyReadings(): readonly PolicyReadingView[] {
    return POLICY_READINGS;
  }
}
