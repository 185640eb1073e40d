import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { REQUEST_TYPES, RECORD_TYPES } from '@custodian/domain';
import { Day, Flag, FreeForm, Int, MapOf, OneOf, Text, Texts } from '../openapi/schema';

export class CitedView {
  @Text() text: string;
  @Text({ example: 'Gov. Code § 7927.105(c)(1)' }) citation: string;
}

export class ReleaseRouteView extends CitedView {
  @Texts({ description: 'Checklist items that must all be satisfied' }) requires: readonly string[];
}

export class UnprotectedReleaseView {
  @ApiProperty({ enum: RECORD_TYPES, enumName: 'RecordType', isArray: true }) recordTypes: string[];
  @Text() citation: string;
}

export class GagHandlingView extends CitedView {
  @OneOf(['always', 'if_ordered']) when: 'always' | 'if_ordered';
}

export class ChecklistItemView {
  @Text({ example: 'signed_by_magistrate' }) key: string;
  @Text({ example: 'Signed by the judge' }) label: string;
  @Text() citation: string;
  @Flag() required: boolean;
  @Flag({ description: 'The answer that supports release' }) supportingAnswer: boolean;
  @ApiPropertyOptional({ enum: ['decision', 'delivery'], description: 'Done after the review, at this step: the review does not ask for it' }) checkedAt?: 'decision' | 'delivery';
}

export class CounselQuestionView {
  @Text({ example: 'searchWarrantTreatedAsCourtOrder' }) setting: string;
  @OneOf(['rules', 'deadlines']) settingsGroup: 'rules' | 'deadlines';
  @Text() question: string;
  @Text() citation: string;
  @ApiProperty({ description: 'The answer in force (true/false, a number or a choice)', oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }] }) value: unknown;
  @ApiProperty({ description: 'The default answer', oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }] }) defaultValue: unknown;
}

export class RuleSourceView {
  @OneOf(['default', 'counsel_override']) kind: 'default' | 'counsel_override';
  @Texts() overriddenBy: string[];
  @Text() description: string;
}

/** The rule in force for one request type, with its citations. */
export class RuleView {
  @OneOf(REQUEST_TYPES, 'RequestType') requestType: string;
  @Text() label: string;
  @ApiProperty({ type: CitedView, nullable: true }) basisForRelease: CitedView | null;
  @ApiProperty({ type: [ReleaseRouteView] }) releaseRoutes: readonly ReleaseRouteView[];
  @Text({ description: 'The contradiction raised when release is recommended with no basis' }) releaseWithoutBasis: string;
  @ApiProperty({ type: [ChecklistItemView] }) checklist: readonly ChecklistItemView[];
  @OneOf(['fulfil', 'partial', 'deny'], 'Recommendation') defaultRecommendation: string;
  @Texts() defaultReasonCodes: readonly string[];
  @Texts() clocks: readonly string[];
  @Flag() requiresPreservationHold: boolean;
  @ApiProperty({ type: UnprotectedReleaseView, nullable: true }) unprotectedRelease: { recordTypes: readonly string[]; citation: string } | null;
  @ApiProperty({ type: GagHandlingView, nullable: true }) gagHandling: GagHandlingView | null;
  @Texts() notes: readonly string[];
  @ApiProperty({ type: [CounselQuestionView] }) counselQuestions: CounselQuestionView[];
  @ApiProperty({ type: RuleSourceView }) source: RuleSourceView;
  @Flag() overridden: boolean;
}

export class ReasonCodeView {
  @Text({ example: 'No legal basis for release' }) label: string;
  @Text() citation: string;
  @ApiProperty({ enum: ['case', 'record', 'field'], isArray: true }) levels: readonly string[];
}

export const RULE_TABLE_SCHEMA = { type: 'object', description: 'Request type → rule', additionalProperties: { $ref: '#/components/schemas/RuleView' } } as const;
export const REASON_CODE_TABLE_SCHEMA = { type: 'object', description: 'Reason code → label, citation, levels', additionalProperties: { $ref: '#/components/schemas/ReasonCodeView' } } as const;

export class CityHolidayView {
  @Day() date: string;
  @Text({ example: 'Library closure' }) name: string;
}

export class DeadlineSettingsView {
  @Text({ example: 'America/Los_Angeles' }) timeZone: string;
  @ApiProperty({ type: [CityHolidayView], description: 'One-off closure days' }) cityHolidays: CityHolidayView[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: "The city's regular closure days (name, date rule, observance, citation, years in force)" }) cityClosureRules: unknown[];
  @Int() cpraDeterminationDays: number;
  @Int() cpraMaxExtensionDays: number;
  @Int() searchWarrantValidityDays: number;
  @Int() preservationHoldDays: number;
  @Flag() evidenceCode1560Enabled: boolean;
  @Int() evidenceCode1560CriminalDays: number;
  @Int() evidenceCode1560CivilDays: number;
  @Int() legalReviewTargetCourtDays: number;
  @Int() directorApprovalTargetCourtDays: number;
  @Texts({ description: 'Clocks that stop while the case waits for the requester' }) pausableClocks: string[];
  @Int() dueSoonWithinDays: number;
}

export class RuleSettingsView {
  @Flag() searchWarrantTreatedAsCourtOrder: boolean;
  @OneOf(['refer_to_counsel', 'comply_when_valid']) federalProcessHandling: string;
  @MapOf({ type: 'object', additionalProperties: { type: 'boolean' } }, { description: 'Request type → checklist item → required' }) checklistRequired: Record<string, Record<string, boolean> | undefined>;
  @MapOf({ type: 'string', enum: ['fulfil', 'partial', 'deny'] }, { description: 'Request type → default recommendation' }) defaultRecommendations: Record<string, string | undefined>;
}

export class SettingsView {
  @ApiProperty({ type: DeadlineSettingsView }) deadlines: DeadlineSettingsView;
  @ApiProperty({ type: RuleSettingsView }) rules: RuleSettingsView;
}

export class RetentionSettingsView {
  @Int() patronRecordsDays: number;
  @Int() documentsDays: number;
  @Int() productionsDays: number;
  @Int() lettersDays: number;
  @Int() caseMetadataDays: number;
  @Int() auditEventsDays: number;
  @Text() citySchedule: string;
}

export class TransparencyValuesView {
  @Text({ example: 'fisa_semiannual' }) nationalSecurityOption: string;
  @Int() fisaPublicationDelayDays: number;
  @Int() annualPublicationDelayDays: number;
  @Text() gagOrderCounting: string;
  @Int() gagThreshold: number;
  @Text() methodology: string;
}

export class NationalSecurityStructureView {
  @Text({ example: 'separate_1000_semiannual' }) option: string;
  @OneOf(['half_year', 'year']) unit: string;
  @Int({ example: 1000 }) width: number;
  @Flag({ description: 'NSLs and FISA orders counted together' }) combined: boolean;
  @Text() citation: string;
  @Text() description: string;
}

export class TransparencySettingsView extends TransparencyValuesView {
  @ApiProperty({ type: TransparencyValuesView }) defaults: TransparencyValuesView;
  @MapOf({ $ref: '#/components/schemas/NationalSecurityStructureView' }, { description: 'The reporting structures of 50 U.S.C. § 1874 counsel may choose from, by option' })
  structures: Record<string, NationalSecurityStructureView>;
}

export class KohaSettingsView {
  @ApiProperty({ type: [Number], description: "Koha's AnonymousPatron borrowernumbers" }) anonymousPatrons: number[];
}

export class CalendarInfoView {
  @Text() name: string;
  @Text() citation: string;
  @Text() usedFor: string;
}

export class ClockCalendarView extends CalendarInfoView {
  @OneOf(['court', 'city']) kind: string;
}

/** One clock: what it measures, its citation, the calendar it counts on, its days under the settings in force. */
export class ClockView {
  @Text({ example: 'cpra_determination' }) clock: string;
  @Text() label: string;
  @Text() citation: string;
  @Text({ example: 'respond_by' }) kind: string;
  @Text() startsFrom: string;
  @OneOf(['calendar', 'court', 'working']) counting: string;
  @ApiProperty({ type: ClockCalendarView }) calendar: ClockCalendarView;
  @Int() days: number;
  @Flag() rollsForwardPastHolidays: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) maxExtensionDays: number | null;
  @ApiProperty({ type: String, nullable: true }) extensionCitation: string | null;
  @Flag() enabled: boolean;
  @Text() note: string;
}

export class ClosedDayView {
  @Day() date: string;
  @Texts() reasons: string[];
}

export class CourtCalendarView extends CalendarInfoView {
  @ApiProperty({ type: [ClosedDayView], description: 'Weekdays closed in the year' }) closed: ClosedDayView[];
}

export class CityCalendarView extends CourtCalendarView {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Regular closure rules (name, date rule, observance, citation)' }) closureRules: unknown[];
  @ApiProperty({ type: [CityHolidayView] }) oneOffClosures: CityHolidayView[];
  @Text() editableBy: string;
}

export class CalendarsView {
  @Int({ example: 2026 }) year: number;
  @ApiProperty({ type: CourtCalendarView }) court: CourtCalendarView;
  @ApiProperty({ type: CityCalendarView }) city: CityCalendarView;
}

export class PolicyReadingView {
  @Text() key: string;
  @Text() policyText: string;
  @Text() policyCitation: string;
  @Text() reading: string;
  @Text() statuteCitation: string;
}

export class CounselSettingView {
  @Text() setting: string;
  @OneOf(['rules', 'deadlines']) group: string;
  @Text() question: string;
  @Text() citation: string;
  @ApiProperty({ description: 'The default answer', oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }] }) default: unknown;
  @ApiProperty({ description: 'Request types it applies to', oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] }) appliesTo: unknown;
}

/** Everything the rules page shows, each item with its citation. */
export class LegalRulesView {
  @MapOf({ type: 'string' }, { description: 'Request type → label' }) requestTypes: Record<string, string>;
  @ApiProperty(RULE_TABLE_SCHEMA) rules: Record<string, RuleView>;
  @ApiProperty(REASON_CODE_TABLE_SCHEMA) reasonCodes: Record<string, ReasonCodeView>;
  @ApiProperty({ type: [ClockView] }) clocks: ClockView[];
  @MapOf({ $ref: '#/components/schemas/CalendarInfoView' }, { description: 'court and city' }) calendars: Record<string, CalendarInfoView>;
  @FreeForm('The approval gate: citation, rule and the contradictions that mean no legal basis') approval: object;
  @FreeForm('Statutory gags, CalECPA delayed notice and how a gag is lifted, with citations') gags: object;
  @FreeForm('The public-records extension: citation, grounds and rule') extension: object;
  @ApiProperty({ type: [CounselSettingView] }) counselSettings: CounselSettingView[];
  @ApiProperty({ type: [PolicyReadingView] }) policyReadings: readonly PolicyReadingView[];
}

/** The bodies of the settings PUTs: any subset of the group (the rest keep their values). */
export class DeadlineSettingsChange extends PartialType(DeadlineSettingsView) {}
export class RuleSettingsChange extends PartialType(RuleSettingsView) {}
export class RetentionSettingsChange extends PartialType(RetentionSettingsView) {}
export class TransparencySettingsChange extends PartialType(TransparencyValuesView) {}
