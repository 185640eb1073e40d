import { ApiProperty } from '@nestjs/swagger';
import { RECORD_TYPES, RecordType, REQUEST_TYPES, RequestType } from '@custodian/domain';
import { ProductionView } from '../cases/dto/case.view';
import { PatronAliasDto, ScopeDto } from '../cases/dto/scope.dto';
import { Flag, Int, MapOf, OneOf, Text, Texts } from '../openapi/schema';

export class ProductionListView {
  @ApiProperty({ type: [ProductionView], description: 'Empty until the case is approved' }) items: ProductionView[];
}

export class CitedTextView {
  @Text({ example: 'order of the superior court' }) text: string;
  @Text({ example: 'Gov. Code § 7927.105(c)(1)' }) citation: string;
}

export class DateRangeView {
  @Text({ format: 'date' }) from: string;
  @Text({ format: 'date' }) to: string;
}

export class WithholdingEntryView {
  @OneOf(RECORD_TYPES, 'RecordType') recordType: RecordType;
  @Text({ example: 'issues' }) sourceTable: string;
  @Text({ required: false, example: 'note' }) field?: string;
  @Text({ example: 'OUT_OF_SCOPE_FIELD' }) reasonCode: string;
  @Text() basis: string;
  @Int() count: number;
  @Flag() describedInProduction: boolean;
}

/** What an approval would release, computed by the production's own redaction over the case's records. */
export class ReleasePreviewView {
  @Text() caseNumber: string;
  @OneOf(REQUEST_TYPES, 'RequestType') requestType: RequestType;
  @ApiProperty({ type: CitedTextView }) authority: CitedTextView;
  @Flag({ description: "A custodian's declaration goes with the production" }) declaration: boolean;
  @Texts({ description: 'Card numbers in scope' }) patrons: string[];
  @ApiProperty({ type: [PatronAliasDto], description: 'Patrons the production names by an alias; their card numbers are withheld from it' }) aliases: PatronAliasDto[];
  @ApiProperty({ enum: RECORD_TYPES, enumName: 'RecordType', isArray: true }) recordTypes: RecordType[];
  @ApiProperty({ type: DateRangeView }) dates: DateRangeView;
  @Flag() includeContactDetails: boolean;
  @MapOf({ type: 'object', required: ['produced', 'withheld'], properties: { produced: { type: 'integer' }, withheld: { type: 'integer' } } }, { description: 'Record type → items produced and withheld' })
  items: Partial<Record<RecordType, { produced: number; withheld: number }>>;
  @ApiProperty({ type: [WithholdingEntryView] }) withheldInScope: WithholdingEntryView[];
  @Int({ description: 'Records outside the scope: neither produced nor described' }) outOfScope: number;
  @Int() recordsRead: number;
  @Int({ isArray: true, description: 'Positions (1-based, in the order of aliases) of the aliases that would print a value the production withholds; while any is listed, approval is refused (422)' })
  aliasesRevealingWithheld: number[];
}

export class WithheldBecauseView {
  @Text({ example: 'RECORD_TYPE_NOT_REQUESTED' }) code: string;
  @Text() label: string;
  @Text() basis: string;
}

export class WithheldFieldsView extends WithheldBecauseView {
  @Texts({ example: ['address', 'email'] }) fields: string[];
}

export class ReleasePartView {
  @OneOf(RECORD_TYPES, 'RecordType') recordType: RecordType;
  @Int() rowsImported: number;
  @Flag() released: boolean;
  @ApiProperty({ type: WithheldBecauseView, nullable: true }) withheldBecause: WithheldBecauseView | null;
  @ApiProperty({ type: [WithheldFieldsView] }) withheldFields: WithheldFieldsView[];
}

/** What a production under the scope in force would release: counts and column names, no patron data. */
export class ReleaseSummaryView {
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @OneOf(['approved', 'narrowed_by_review', 'requested']) scopeSource: 'approved' | 'narrowed_by_review' | 'requested';
  @Int() rowsImported: number;
  @ApiProperty({ type: [ReleasePartView] }) parts: ReleasePartView[];
}

