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

export class RequestRowView {
  @Text({ description: 'A request type, or "total"' }) requestType: string;
  @Text() label: string;
  @Int() received: number;
  @ApiProperty({ type: 'object', required: [...OUTCOMES], properties: Object.fromEntries(OUTCOMES.map((o) => [o, { type: 'integer' }])), description: 'Outcome → count' }) outcomes: Record<string, number>;
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

export class ReportSectionView {
  @Text() note: string;
  @ApiProperty({ type: 'array', items: { type: 'object', required: ['from', 'to', 'status', 'figures'], properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' }, status: { type: 'string', enum: ['reported', 'period_not_over', 'publication_delay'] }, figures: { description: 'Counts (or bands) of the unit', oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }] } } } })
  periods: unknown[];
}

export class NondisclosureFiguresView extends ReportSectionView {
  @Text() counting: string;
}

export class NationalSecurityFiguresView extends ReportSectionView {
  @Text() option: string;
  @Text() citation: string;
  @Text() description: string;
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
