import { isWithheldField, ProducedItem, RecordType, withheldToken, FieldReasonCode } from '@custodian/domain';
import { PageFrame } from '../pdf/page-frame';
import { TableCell, TableWriter } from '../pdf/table-writer';
import { columnLabel, columnWeight, markedInRow, sectionCaption } from './record-presentation';

interface Section {
  recordType: RecordType;
  sourceTable: string;
  columns: string[];
  table: TableWriter;
}

const NUMBER_WEIGHT = 0.45;
const WITHHELD_WEIGHT = 1.8;

/**
 * Produced items as tables, one section per run of rows from the same source table, drawn as they arrive. The
 * columns are the produced fields of a section's first row; a row with a produced value outside them starts a
 * new section, so no produced value is ever dropped. Each record type starts on a fresh landscape page.
 */
export class RecordTables {
  private section: Section | null = null;
  private readonly numbers = new Map<RecordType, number>();

  /** `patronsAliased`: the scope names some patron by an alias, which the card number column then carries. */
  constructor(
    private readonly frame: PageFrame,
    private readonly patronsAliased = false,
  ) {}

  get producedAny(): boolean {
    return this.numbers.size > 0;
  }

  add(item: ProducedItem): void {
    if (!this.section || !this.fitsSection(this.section, item)) this.section = this.startSection(item, this.section);
    const number = (this.numbers.get(item.recordType) ?? 0) + 1;
    this.numbers.set(item.recordType, number);
    const values = new Map(item.fields.map((field) => [field.field, isWithheldField(field) ? null : field.value]));
    const cells: TableCell[] = [number, ...this.section.columns.map((column) => values.get(column) ?? null), withheldCell(item)];
    this.section.table.addRow(cells);
  }

  finish(): void {
    this.section?.table.end();
    this.section = null;
  }

  private fitsSection(section: Section, item: ProducedItem): boolean {
    return (
      section.sourceTable === item.sourceTable &&
      section.recordType === item.recordType &&
      item.fields.every((field) => isWithheldField(field) || isEmpty(field.value) || section.columns.includes(field.field))
    );
  }

  private header(field: string): string {
    return field === 'cardnumber' && this.patronsAliased ? 'Card number or alias' : columnLabel(field);
  }

  private startSection(item: ProducedItem, previous: Section | null): Section {
    previous?.table.end();
    if (!previous || previous.recordType !== item.recordType) this.frame.startPage('landscape');
    const columns = item.fields.filter((field) => !isWithheldField(field)).map((field) => field.field);
    const table = new TableWriter(
      this.frame,
      [{ header: 'No.', weight: NUMBER_WEIGHT }, ...columns.map((field) => ({ header: this.header(field), weight: columnWeight(field) })), { header: 'Withheld', weight: WITHHELD_WEIGHT }],
      sectionCaption(item.recordType, item.sourceTable, columns),
    );
    table.begin();
    return { recordType: item.recordType, sourceTable: item.sourceTable, columns, table };
  }
}

function isEmpty(value: string | number | null): boolean {
  return value === null || String(value).trim() === '';
}

/** "[WITHHELD: CODE] Label, Label" per reason: the fixed token, never anything sized to the value. */
function withheldCell(item: ProducedItem): string[] {
  const byReason = new Map<FieldReasonCode, string[]>();
  for (const field of item.fields) {
    if (!isWithheldField(field) || !markedInRow(field.withheld)) continue;
    byReason.set(field.withheld, [...(byReason.get(field.withheld) ?? []), columnLabel(field.field)]);
  }
  return [...byReason].map(([reason, labels]) => `${withheldToken(reason)} ${labels.join(', ')}`);
}
