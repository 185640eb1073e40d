import type { ChecklistItem, Rule } from '../../api/schema';
import { Tag } from '../../components/badges';
import { CheckboxField, RadioGroup } from '../../components/fields';
import { isQuestion } from './review-form-model';

/** The rule's checklist for this kind of request, each item with its citation and whether it is required. */
export function ChecklistFields({ rule, value, onChange }: { rule: Rule; value: Record<string, boolean | undefined>; onChange: (value: Record<string, boolean | undefined>) => void }) {
  const set = (key: string, answer: boolean) => onChange({ ...value, [key]: answer });
  const later = rule.checklist.filter((item) => item.checkedAt);
  return (
    <fieldset className="form-section checklist">
      <legend>Checklist: {rule.label}</legend>
      <p className="hint">Confirm only what the documents show. Required items that are not satisfied make a “sufficient” finding contradict the rules.</p>
      {rule.checklist.filter((item) => !item.checkedAt).map((item) => (
        <div key={item.key} className="checklist__item">
          {isQuestion(item) ? (
            <RadioGroup name={`checklist.${item.key}`} legend={<ItemLabel item={item} />} inline
              value={value[item.key] === undefined ? '' : value[item.key] ? 'yes' : 'no'} onChange={(v) => set(item.key, v === 'yes')}
              options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
              hint={`The answer that supports release is “${item.supportingAnswer ? 'yes' : 'no'}”.`} />
          ) : (
            <CheckboxField name={`checklist.${item.key}`} label={<ItemLabel item={item} />} checked={value[item.key] === true} onChange={(v) => set(item.key, v)} />
          )}
        </div>
      ))}
      {later.length > 0 && (
        <div className="checklist__later">
          <p className="hint">Not asked now: these happen after the review and are checked at the step where they happen.</p>
          <ul>
            {later.map((item) => (
              <li key={item.key}>
                {item.label} <span className="muted">({item.checkedAt === 'decision' ? 'at the decision' : 'at delivery'})</span>
                <span className="citation"> {item.citation}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

function ItemLabel({ item }: { item: ChecklistItem }) {
  return (
    <>
      {item.label} {item.required ? <Tag tone="warning">Required</Tag> : <Tag>Optional</Tag>}
      <span className="citation"> {item.citation}</span>
    </>
  );
}
