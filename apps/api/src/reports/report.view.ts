import { ApiProperty } from '@nestjs/swagger';
import { OUTCOMES } from '@custodian/domain';
import { Day, Int, Text, Texts } from '../openapi/schema';

export class ReportPeriodView {
  @Day() from: string;
  @Day() to: string;
  @Text({ example: 'America/Los_Angeles' }) timeZone: string;
  @Text({ format: 'date-time' }) start: string;
  @Text({ format: 'date-time' }) end: string;
}

export class OutcomeCountsView {
  @Int() produced_in_full: number;
  @Int() produced_in_part: number;
  @Int() produced_nothing: number;
  @Int() objected_or_denied: number;
  @Int() withdrawn: number;
  @Int() open: number;
}

export class RequestRowView {
  @Text({ description: 'A request type, or "total"' }) requestType: string;
  @Text() label: string;
  @Int() received: number;
  @ApiProperty({ type: OutcomeCountsView, description: 'Outcome → count' }) outcomes: Record<(typeof OUTCOMES)[number], number>;
  @Int() patronsAffected: number;
}

export class RequestFiguresView {
  @ApiProperty({ type: [RequestRowView] }) rows: RequestRowView[];
  @ApiProperty({ type: RequestRowView }) total: RequestRowView;
}

export class BucketView {
  @Text({ example: '0–2 days' }) label: string;
  @Int() count: number;
}

export class ResponseTimesView {
  @Int() decided: number;
  @ApiProperty({ type: 'number', nullable: true }) medianDays: number | null;
  @ApiProperty({ type: 'number', nullable: true }) p90Days: number | null;
  @ApiProperty({ type: [BucketView] }) buckets: BucketView[];
}

export class HoldFiguresView {
  @Int() placed: number;
  @Int() released: number;
}

export class ReportFiltersView {
  @ApiProperty({ type: [String], nullable: true }) requestTypes: string[] | null;
}

/** One reporting unit (a half-year or a year) of a section. */
export class ReportUnitView {
  @Day() from: string;
  @Day() to: string;
  @ApiProperty({ enum: ['reported', 'period_not_over'] }) status: 'reported' | 'period_not_over';
}

export class GagCountView {
  @ApiProperty({ type: 'integer', nullable: true }) count: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Below the threshold: "fewer than N" instead of the count' }) fewerThan: number | null;
}

export class NondisclosureUnitView extends ReportUnitView {
  @ApiProperty({ type: GagCountView }) figures: GagCountView;
}

export class BandView {
  @Text({ example: '0–249' }) band: string;
  @Int() low: number;
  @Int() high: number;
}

export class NationalSecurityFigureView {
  @Text() key: string;
  @Text() label: string;
  @ApiProperty({ type: BandView, nullable: true }) requests: BandView | null;
  @ApiProperty({ type: BandView, nullable: true }) patronsTargeted: BandView | null;
  @Day() availableOn: string;
  @ApiProperty({ enum: ['reported', 'publication_delay'] }) status: 'reported' | 'publication_delay';
}

export class NationalSecurityUnitView extends ReportUnitView {
  @ApiProperty({ type: [NationalSecurityFigureView] }) figures: NationalSecurityFigureView[];
}

export class NondisclosureFiguresView {
  @Text() counting: string;
  @Text() note: string;
  @ApiProperty({ type: [NondisclosureUnitView] }) periods: NondisclosureUnitView[];
}

export class NationalSecurityFiguresView {
  @Text() option: string;
  @Text() citation: string;
  @Text() description: string;
  @Text() note: string;
  @ApiProperty({ type: [NationalSecurityUnitView] }) periods: NationalSecurityUnitView[];
}

/** The publishable report: exact counts for ordinary requests, 50 U.S.C. § 1874 bands for national-security process. */
export class TransparencyReportView {
  @ApiProperty({ type: ReportPeriodView }) period: ReportPeriodView;
  @Day() generatedOn: string;
  @ApiProperty({ type: ReportFiltersView }) filters: ReportFiltersView;
  @ApiProperty({ type: RequestFiguresView }) requests: RequestFiguresView;
  @ApiProperty({ type: ResponseTimesView }) responseTimes: ResponseTimesView;
  @ApiProperty({ type: HoldFiguresView }) preservationHolds: HoldFiguresView;
  @Int() emergencyRequests: number;
  @Int() narrowedByCounsel: number;
  @ApiProperty({ type: NondisclosureFiguresView }) nondisclosureOrders: NondisclosureFiguresView;
  @ApiProperty({ type: NationalSecurityFiguresView }) nationalSecurity: NationalSecurityFiguresView;
  @Text() methodology: string;
  @Texts() citations: string[];
}
