import type { RecordType, Scope } from '../../api/schema';
import { CheckboxField, CheckboxGroup, FieldMessage, TextField } from '../../components/fields';
import { RECORD_TYPE_LABELS } from '../../lib/labels';
import type { NarrowedScope } from './review-form-model';

/**
 * Narrowing only ever removes: patrons can be unticked, dates moved inwards, kinds of record dropped, an alias
 * printed instead of a card number. The choices offered are those of the request, so the editor cannot widen it;
 * the request's own aliases are shown fixed.
 */
export function NarrowScopeEditor({ requested, narrow, value, onToggle, onChange }: { requested: Scope; narrow: boolean; value: NarrowedScope; onToggle: (narrow: boolean) => void; onChange: (value: NarrowedScope) => void }) {
  return (
    <fieldset className="form-section">
      <legend>Scope</legend>
      <CheckboxField name="narrow" label="Narrow the scope of what is produced" checked={narrow} onChange={onToggle}
        hint="Left unticked, the scope of the request stands." />
      {narrow && (
        <div className="narrow-scope" id="field-scope" tabIndex={-1}>
          <FieldMessage name="scope" />
          <CheckboxGroup name="scope.cardNumbers" legend="Patrons (card numbers)" values={value.cardNumbers} onChange={(cardNumbers) => onChange({ ...value, cardNumbers })}
            options={requested.cardNumbers.map((n) => ({ value: n, label: n }))} inline />
          <div className="field-row">
            <TextField name="scope.from" label="From" type="date" min={requested.from} max={requested.to} value={value.from} onChange={(from) => onChange({ ...value, from })} />
            <TextField name="scope.to" label="To" type="date" min={requested.from} max={requested.to} value={value.to} onChange={(to) => onChange({ ...value, to })} />
          </div>
          <CheckboxGroup<RecordType> name="scope.recordTypes" legend="Kinds of record" values={value.recordTypes} onChange={(recordTypes) => onChange({ ...value, recordTypes })}
            options={requested.recordTypes.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))} inline />
          {value.cardNumbers.length > 0 && (
            <fieldset className="aliases" id="field-scope.aliases" tabIndex={-1}>
              <legend>Printed as (optional alias)</legend>
              <FieldMessage name="scope.aliases" />
              {value.cardNumbers.map((card) => {
                const given = requested.aliases?.find((entry) => entry.cardNumber === card)?.alias;
                return (
                  <TextField key={card} name={`scope.aliases.${card}`} label={card} value={value.aliases[card] ?? ''} disabled={given !== undefined}
                    onChange={(alias) => onChange({ ...value, aliases: { ...value.aliases, [card]: alias } })}
                    hint={given !== undefined ? 'The request names this patron by this alias; the production keeps it.' : 'Left blank, the card number is printed. An alias is printed instead, and the card number withheld.'} />
                );
              })}
            </fieldset>
          )}
          {requested.includeContactDetails && (
            <CheckboxField name="scope.includeContactDetails" label="Include contact details" checked={value.includeContactDetails} onChange={(includeContactDetails) => onChange({ ...value, includeContactDetails })} />
          )}
        </div>
      )}
    </fieldset>
  );
}
