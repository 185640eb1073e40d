import { REDACTION_REASONS, WithholdingSummaryEntry } from '@custodian/domain';
import { BODY, HEADING, PageFrame } from '../pdf/page-frame';
import { TableWriter } from '../pdf/table-writer';
import { columnLabel, RECORD_TYPE_TITLES } from './record-presentation';

/**
 * The withholding log: each kind of withholding within the scope with its reason code, legal basis and item
 * count. Records outside the scope are stated to exist as a class only (see REDACTION_REASONS).
 */
export function writeWithholdingLog(frame: PageFrame, entries: readonly WithholdingSummaryEntry[]): void {
  frame.startPage('portrait');
  frame.paragraph('Withholding log', HEADING, { gapAfter: 8 });
  frame.paragraph(
    'Each line is one kind of withholding: the record type and source table, the field withheld (or "whole item"), the ' +
      'reason code printed in the records as [WITHHELD: CODE], its legal basis, and the number of items affected. ' +
      'Withheld values are not reproduced anywhere in this production.',
    BODY,
    { gapAfter: 10 },
  );
  const described = entries.filter((entry) => entry.describedInProduction);
  if (described.length === 0) {
    frame.paragraph('Nothing within the scope of the authority was withheld.', BODY, { gapAfter: 10 });
  } else {
    const table = new TableWriter(
      frame,
      [
        { header: 'Record type', weight: 1.2 },
        { header: 'Field', weight: 1.1 },
        { header: 'Reason code', weight: 1.5 },
        { header: 'Reason and legal basis', weight: 3.2 },
        { header: 'Items', weight: 0.5 },
      ],
      'Withholdings within the scope',
      undefined,
      false,
    );
    table.begin();
    for (const entry of described) {
      table.addRow([
        `${RECORD_TYPE_TITLES[entry.recordType]} (${entry.sourceTable})`,
        entry.field === undefined ? 'whole item' : columnLabel(entry.field),
        entry.reasonCode,
        [REDACTION_REASONS[entry.reasonCode].label, entry.basis],
        entry.count,
      ]);
    }
    table.end();
  }
  frame.paragraph(
    'Records outside the scope of the authority (other patrons, anonymised rows, other dates, other record types) are not ' +
      'responsive. They are neither produced nor described here; the Library’s case file records that they were excluded.',
    BODY,
  );
}
