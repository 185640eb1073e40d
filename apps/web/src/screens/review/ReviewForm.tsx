import { FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { missingInstrument } from '../case/DocumentViewer';
import type { CaseDetail, Contradiction, ReasonCodeTable, Recommendation, Rule, Sufficiency } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, RadioGroup, TextAreaField } from '../../components/fields';
import { ReasonPicker } from '../../components/ReasonPicker';
import { optionsOf, RECOMMENDATION_LABELS, SUFFICIENCY_LABELS } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import { ChecklistFields } from './ChecklistFields';
import { ContradictionsPanel } from './ContradictionsPanel';
import { NarrowScopeEditor } from './NarrowScopeEditor';
import { initialReview, reviewBody, ReviewFormState } from './review-form-model';

/** Field errors for the form, with each contradiction about a checklist item shown next to that item. */
function errorsFor(error: ApiError | undefined, contradictions: Contradiction[]): Record<string, string[]> {
  const fields = { ...(error?.fieldErrors ?? {}) };
  for (const c of contradictions) if (c.checklistKey) (fields[`checklist.${c.checklistKey}`] ??= []).push(c.message);
  return fields;
}

/**
 * The attorney's review: checklist with citations, finding, recommendation and reasons (from the case-level
 * reason codes, with their citations), narrowed scope,
 * cure request and privileged memo. A 422 listing contradictions turns into a request for an override reason.
 */
export function ReviewForm({ c, rule, reasonCodes, onRecorded }: { c: CaseDetail; rule: Rule; reasonCodes: ReasonCodeTable; onRecorded: () => void }) {
  const [form, setForm] = useState<ReviewFormState>(() => initialReview(c, rule));
  const [contradictions, setContradictions] = useState<{ list: Contradiction[] } | null>(null);
  const patch = (p: Partial<ReviewFormState>) => setForm((f) => ({ ...f, ...p }));
  const instrumentMissing = missingInstrument(c);
  const action = useAction(async () => {
    // A finding of "sufficient" rests on the instrument: with none attached there is nothing to have checked.
    if (instrumentMissing && form.sufficiency === 'sufficient') {
      throw ApiError.notSent({ sufficiency: [`No copy of the ${instrumentMissing} is attached, so it cannot be found sufficient. Ask the clerk to attach it, or find it needs information.`] });
    }
    await api.POST('/api/cases/{id}/review', { params: { path: { id: c.id } }, body: reviewBody(form, contradictions !== null) });
    onRecorded();
    return true;
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run();
    if (ok) setContradictions(null);
  };
  useEffect(() => {
    const found = action.error?.contradictions ?? [];
    if (found.length) setContradictions({ list: found });
  }, [action.error]);
  const showError = action.error && !(action.error.status === 422 && action.error.contradictions.length);
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Legal review">
      {showError && <ErrorAlert error={action.error!} title="The review was not recorded" focus />}
      <FieldErrorsProvider value={errorsFor(action.error, contradictions?.list ?? [])}>
        {contradictions && (
          <ContradictionsPanel contradictions={contradictions.list} overrideReason={form.overrideReason} onOverrideReason={(overrideReason) => patch({ overrideReason })} />
        )}
        <ChecklistFields rule={rule} value={form.checklist} onChange={(checklist) => patch({ checklist })} />
        <fieldset className="form-section">
          <legend>Finding and recommendation</legend>
          <RadioGroup<Sufficiency> name="sufficiency" legend="Is the request sufficient?" requirement="required" value={form.sufficiency} onChange={(sufficiency) => patch({ sufficiency })} options={optionsOf(SUFFICIENCY_LABELS)} />
          {form.sufficiency === 'needs_info' && (
            <TextAreaField name="cureRequest" label="What the requester must cure" requirement="required" rows={3} value={form.cureRequest} onChange={(cureRequest) => patch({ cureRequest })}
              hint="This goes into the letter to the requester; the deadlines pause until the case resumes." />
          )}
          <RadioGroup<Recommendation> name="recommendation" legend="Recommendation to the director" requirement="required" value={form.recommendation}
            onChange={(recommendation) => patch({ recommendation })} options={optionsOf(RECOMMENDATION_LABELS)}
            hint={`The rules' default for this kind of request: ${RECOMMENDATION_LABELS[rule.defaultRecommendation]}.`} />
          <ReasonPicker name="reasons" legend="Reasons for the recommendation" table={reasonCodes} values={form.reasons} onChange={(reasons) => patch({ reasons })}
            suggested={rule.defaultReasonCodes} suggestedTag="Rule default"
            hint="The rule's default reasons for this kind of request are ticked. The director sees what you tick with its citations, and a denial letter cites it unless the director picks other reasons." />
        </fieldset>
        <NarrowScopeEditor requested={c.scope} narrow={form.narrow} value={form.scope} onToggle={(narrow) => patch({ narrow })} onChange={(scope) => patch({ scope })} />
        <fieldset className="form-section">
          <legend>Privileged memo</legend>
          <TextAreaField name="memo" label="Memo to the director" rows={6} value={form.memo} onChange={(memo) => patch({ memo })}
            hint="Attorney–client privileged: attorneys and the director can read it, auditors cannot." />
        </fieldset>
      </FieldErrorsProvider>
      <div className="form-actions">
        <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
          {action.pending ? 'Recording…' : contradictions ? 'Record review with override' : 'Record review'}
        </button>
      </div>
    </form>
  );
}
