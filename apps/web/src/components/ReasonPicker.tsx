import { useState } from 'react';
import type { ReasonCodeTable } from '../api/schema';
import { reasonChoices, reasonEntry } from '../lib/reason-codes';
import { Tag } from './badges';
import { ChoiceFieldset, fieldId } from './fields';

interface Props {
  /** The API field the codes go to ("reasons"); its errors show on the group. */
  name: string;
  legend: string;
  hint?: string;
  table: ReasonCodeTable;
  values: string[];
  onChange: (values: string[]) => void;
  /** Codes to keep in view above the rest: the rule's defaults, or the review's reasons. */
  suggested: string[];
  /** How the suggested codes are marked, e.g. "Rule default". */
  suggestedTag: string;
}

/**
 * Case-level reason codes as checkboxes, each with its label, citation and code. The suggested codes and
 * the ones already chosen stay in view; the other case-level codes are one disclosure away. The two lists
 * are fixed when the form opens, so ticking a box never moves it (and never takes focus away from it).
 */
export function ReasonPicker({ name, legend, hint, table, values, onChange, suggested, suggestedTag }: Props) {
  const [layout] = useState(() => reasonChoices(table, [...suggested, ...values]));
  const [moreOpen] = useState(() => layout.pinned.length === 0);
  const order = [...layout.pinned, ...layout.others];
  const toggle = (code: string, on: boolean) => onChange(order.filter((c) => (c === code ? on : values.includes(c))));
  const othersTicked = layout.others.filter((c) => values.includes(c)).length;
  const option = (code: string) => {
    const entry = reasonEntry(table, code);
    const id = `${fieldId(name)}-${code}`;
    return (
      <div className="check reason-option" key={code}>
        <input type="checkbox" id={id} name={name} value={code} checked={values.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
        <label htmlFor={id}>
          <span className="reason__label">{entry?.label ?? code}</span>
          {entry && <span className="citation"> {entry.citation}</span>} <code className="reason__code">{code}</code>
          {suggested.includes(code) && (
            <>
              {' '}
              <Tag>{suggestedTag}</Tag>
            </>
          )}
        </label>
      </div>
    );
  };
  return (
    <ChoiceFieldset name={name} legend={legend} hint={hint}>
      {layout.pinned.map(option)}
      {layout.others.length > 0 && (
        <details className="reason-picker__more" open={moreOpen}>
          <summary>
            {layout.pinned.length ? 'Other reasons' : 'Reasons'} ({layout.others.length}
            {othersTicked ? `, ${othersTicked} ticked` : ''})
          </summary>
          {layout.others.map(option)}
        </details>
      )}
    </ChoiceFieldset>
  );
}
